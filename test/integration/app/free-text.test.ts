/**
 * Issue 9 item 6: free text refuses NUL and other C0/C1 controls, CR/LF, bidi overrides and isolates, and
 * lone surrogates, on EVERY route field that is free text. The list of fields is derived from the route
 * contracts (the OpenAPI document built from them): a field is free text when it carries the shared text
 * type's pattern. A second test keeps the derivation honest: every request string that is neither the
 * text type nor constrained by an enum/const/format/pattern must be a named non-text field (IDs,
 * tokens, passwords), so a new `z.string()` free-text field fails here until it uses `text()`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../lib/core/http/openapi.js';
import { allRoutes } from '../../../lib/app/routes.js';
import { SAFE_TEXT, SAFE_TEXT_MESSAGE, text } from '../../../lib/core/http/schemas.js';
import { declaredFunctions, root } from '../../../scripts/lib/functions.js';
import { type Handler, invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

type Json = Record<string, any>;
const doc = buildOpenApi(allRoutes, true) as unknown as Json;

interface Field {
  operationId: string;
  method: string;
  path: string;
  /** Dotted path of the field in the body. */
  field: string;
  /** The discriminator values of the variant the field is in, so the body reaches that variant. */
  base: Json;
}

const resolve = (schema: Json): Json => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);

function walk(schema: Json, prefix: string[], base: Json, visit: (leaf: Json, at: string[], base: Json) => void): void {
  const s = resolve(schema);
  for (const variant of s.oneOf ?? s.anyOf ?? []) {
    const v = resolve(variant);
    const consts = Object.fromEntries(
      Object.entries((v.properties ?? {}) as Json).flatMap(([k, p]) =>
        'const' in p ? [[k, p.const]] : p.enum?.length ? [[k, p.enum[0]]] : [],
      ),
    );
    walk(v, prefix, { ...base, ...nest(prefix, consts) }, visit);
  }
  for (const [name, prop] of Object.entries((s.properties ?? {}) as Json)) {
    // The shared Verification object holds a challenge ID and a 6-digit code, never text.
    if (prop.$ref === '#/components/schemas/Verification') continue;
    const p = resolve(prop);
    if (p.type === 'object' || p.oneOf || p.anyOf) walk(p, [...prefix, name], base, visit);
    else if (p.type === 'string') visit(p, [...prefix, name], base);
  }
}

function nest(path: string[], value: Json): Json {
  return path.reduceRight((acc, key) => ({ [key]: acc }), value);
}

function bodyFields(visit: (op: Json, route: { method: string; path: string }, leaf: Json, at: string[], base: Json) => void): void {
  for (const [path, ops] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(ops as Json)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) walk(schema, [], {}, (leaf, at, base) => visit(op, { method: method.toUpperCase(), path }, leaf, at, base));
    }
  }
}

const freeText: Field[] = [];
const unconstrained: string[] = [];
bodyFields((op, route, leaf, at, base) => {
  if (leaf.pattern === SAFE_TEXT.source) {
    if (!freeText.some((f) => f.operationId === op.operationId && f.field === at.join('.'))) {
      freeText.push({ operationId: op.operationId, ...route, field: at.join('.'), base });
    }
  } else if (!leaf.pattern && !leaf.enum && !('const' in leaf) && !leaf.format) {
    unconstrained.push(`${op.operationId} ${at.join('.')}`);
  }
});

/**
 * Request strings that are not free text: opaque IDs and tokens (looked up, never stored as given).
 * Passwords (`format: password`) and the shared Verification object are recognised without a list.
 */
const NOT_TEXT = new Set(['signUp invitationToken', 'login deviceToken', 'closeServices checkId', 'changeTaxInfo qualificationProof']);

const BAD: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['line feed', '\n'],
  ['carriage return', '\r'],
  ['tab', '\t'],
  ['escape (C0)', '\u001B'],
  ['DEL', '\u007F'],
  ['next line (C1)', '\u0085'],
  ['right-to-left override', '\u202E'],
  ['left-to-right embedding', '\u202A'],
  ['first strong isolate', '\u2068'],
  ['pop directional isolate', '\u2069'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['left-to-right mark', '\u200E'],
  ['right-to-left mark', '\u200F'],
  ['arabic letter mark', '\u061C'],
  ['lone high surrogate', '\uD83D'],
  ['lone low surrogate', '\uDE00'],
];

const handlers = new Map<string, Handler>();
let token = '';
beforeAll(async () => {
  token = (await signUp()).token;
  for (const fn of declaredFunctions()) {
    if (freeText.some((f) => f.operationId === fn.name))
      handlers.set(fn.name, (await import(pathToFileURL(join(root, fn.entry)).href)).handler as Handler);
  }
});

function set(body: Json, path: string[], value: string): Json {
  const [head, ...rest] = path;
  return { ...body, [head!]: rest.length ? set((body[head!] as Json) ?? {}, rest, value) : value };
}

describe('issue 9 item 6: free text refuses control, bidi and unpaired surrogate characters on every free-text field', () => {
  it('the free-text fields are derived from the route contracts (names, contact, recipients, reasons, file names, identifiers)', () => {
    const names = freeText.map((f) => `${f.operationId} ${f.field}`);
    for (const expected of [
      'changeNames fullName',
      'changeNames enterpriseName',
      'changeAccountType name',
      'changeContact addressLine1',
      'changeContact addressLine2',
      'changeContact city',
      'addRecipient name',
      'editRecipient name',
      'runClosureCheck reasonText',
      'holdClosure reason',
      'recordPaymentMethod reason',
      'declareMaterial fileName',
      'login identifier',
      'resetPassword identifier',
      'sendVerificationCode destination',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('every other request string is constrained (enum, const, format, pattern) or a named ID, token or password', () => {
    expect(unconstrained.filter((f) => !NOT_TEXT.has(f))).toEqual([]);
  });

  it('the text type keeps ordinary text: accents, CJK, emoji (a surrogate pair), inner spaces', () => {
    for (const ok of ['Zoë Müller', '张伟', 'Café 😀 Ltd.', "O'Brien-Smith, 2nd floor"])
      expect(text({ max: 200 }).safeParse(ok).success, ok).toBe(true);
  });

  const cases = freeText.flatMap((f) => BAD.map(([label, char]) => [`${f.operationId} ${f.field}`, label, char, f] as const));
  it.each(cases)('%s refuses %s with 400 naming the field', async (_name, _label, char, f) => {
    const handler = handlers.get(f.operationId)!;
    const route = allRoutes.find((r) => r.operationId === f.operationId)!;
    const params = Object.fromEntries([...f.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'x_text']));
    const res = await invoke(handler, {
      method: f.method,
      path: f.path,
      pathParameters: params,
      body: set(f.base, f.field.split('.'), `ab${char}cd`),
      headers: {
        ...(route.auth === 'session' || route.auth === 'optional' ? bearer(token) : {}),
        ...(route.auth === 'operator' ? { 'x-operator-key': 'test-operator-key' } : {}),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors).toContainEqual({ path: `body.${f.field}`, message: SAFE_TEXT_MESSAGE });
  });
});
