import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Issue 10: "a test checks that every function in serverless.yml is bound to the route its handler serves"
// (before it, wiring a handler to the wrong route passed every test). The handler factory attaches its RouteSpec
// as `handler.route` (lib/core/http/handler.ts makeHttpHandler).
interface Fn {
  handler: string;
  events?: Array<{ httpApi?: string; schedule?: string }>;
}

const deployed = (parse(readFileSync('serverless.yml', 'utf8')).functions as Array<Record<string, Fn> | string>).filter(
  (entry): entry is Record<string, Fn> => typeof entry === 'object',
);
const local = parse(readFileSync('sls/local-functions.yml', 'utf8')) as Record<string, Fn>;
const functions = [...deployed.flatMap((group) => Object.entries(group)), ...Object.entries(local)];

const modulePath = (handler: string) => `../../../${handler.replace(/\.handler$/, '.ts')}`;

describe('serverless.yml binds every function to the route its handler serves (issue 10)', () => {
  it('lists the functions (sanity: the file was read)', () => {
    expect(functions.length).toBeGreaterThan(40);
  });

  it.each(functions)('%s: its handler serves the route of its httpApi event, named by its operationId', async (name, fn) => {
    const mod = (await import(modulePath(fn.handler))) as { handler: { route?: { method: string; path: string; operationId: string } } };
    const http = (fn.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : []));
    if (http.length === 0) {
      expect(mod.handler.route, `${name} has no HTTP event, so its handler serves no route`).toBeUndefined();
      return;
    }
    expect(http, `${name} has one HTTP event`).toHaveLength(1);
    const route = mod.handler.route;
    expect(route, `${fn.handler} is made by httpHandler(route, …)`).toBeDefined();
    if (http[0] === '*') {
      expect(route?.path).toBe('*');
    } else {
      expect(`${route?.method} ${route?.path}`, `${fn.handler} serves the route of ${name}'s event`).toBe(http[0]);
    }
    expect(route?.operationId, `the function key is the operationId of the route (${fn.handler})`).toBe(name);
  });
});
