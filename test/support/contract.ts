/**
 * Issue 9 item 18: every answer the e2e layer receives is checked against the OpenAPI document the
 * local stage serves (GET /v1/openapi.json) with a real JSON Schema validator (ajv, draft 2020-12 as
 * OpenAPI 3.1 uses): the status is declared for the operation, the content type is a declared one (or
 * there is no body when none is declared), every required declared header is present and every
 * declared header that is present matches its schema, and the body matches the declared schema.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, any>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface Contract {
  doc: Json;
  ajv: Ajv2020;
  templates: Array<{ template: string; pattern: RegExp }>;
  compiled: Map<string, ValidateFunction>;
}

let contract: Promise<Contract> | undefined;

/** `#/components/...` inside a schema taken out of the document points back into the document. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : rebase(v)]),
    );
  }
  return value;
}

function load(baseUrl: string): Promise<Contract> {
  contract ??= (async () => {
    const res = await fetch(`${baseUrl}/v1/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /v1/openapi.json answered ${res.status}`);
    const doc = (await res.json()) as Json;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addFormat('password', true); // an OpenAPI hint (mask the input), not a constraint
    ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
    const templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
      }))
      // Literal segments win over parameters: /v1/closure/checks/latest before /v1/closure/checks/{id}.
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
    const answer = { doc, ajv, templates, compiled: new Map<string, ValidateFunction>() };
    // The document itself went through this fetch: check it too.
    return answer;
  })();
  return contract;
}

function resolve(doc: Json, value: Json): Json {
  if (typeof value.$ref !== 'string') return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce((node: Json, key: string) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

function validatorFor(c: Contract, key: string, schema: Json): ValidateFunction {
  let fn = c.compiled.get(key);
  if (!fn) {
    fn = c.ajv.compile(rebase(schema) as Json);
    c.compiled.set(key, fn);
  }
  return fn;
}

/** Problems of one answer against the served document; empty when it conforms. */
export async function contractProblems(baseUrl: string, method: string, url: string, answer: Answer): Promise<string[]> {
  const c = await load(baseUrl);
  const path = new URL(url, 'http://x').pathname;
  const where = `${method} ${path} → ${answer.status}`;
  const template = c.templates.find((t) => t.pattern.test(path))?.template;
  const operation = template ? (c.doc.paths[template][method.toLowerCase()] as Json | undefined) : undefined;
  // An unknown path or method is not in the document; its answer must still be a 404/405 problem.
  const fallback = {
    description: 'Unknown route',
    headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  if ((!template || !operation) && answer.status !== 404 && answer.status !== 405) return [`${where}: no such operation in the document`];
  const declared = template && operation ? (operation.responses[String(answer.status)] ?? operation.responses.default) : fallback;
  if (!declared) return [`${where}: status not declared (declared: ${Object.keys(operation?.responses ?? {}).join(', ')})`];
  const response = resolve(c.doc, declared);
  const problems: string[] = [];

  for (const [name, ref] of Object.entries((response.headers ?? {}) as Json)) {
    const header = resolve(c.doc, ref as Json);
    const value = answer.headers.get(name);
    if (value === null) {
      if (header.required) problems.push(`${where}: required header ${name} missing`);
      continue;
    }
    if (header.schema) {
      const check = validatorFor(c, `header ${template} ${method} ${answer.status} ${name}`, header.schema);
      if (!check(value)) problems.push(`${where}: header ${name}=${JSON.stringify(value)} ${c.ajv.errorsText(check.errors)}`);
    }
  }

  const contentType = answer.headers.get('content-type')?.split(';')[0]?.trim();
  const content = response.content as Json | undefined;
  if (!content) {
    if (answer.text !== '') problems.push(`${where}: a body (${contentType}) where the document declares none`);
    return problems;
  }
  const media = contentType ? content[contentType] : undefined;
  if (!media) {
    problems.push(`${where}: content type ${contentType} not declared (declared: ${Object.keys(content).join(', ')})`);
    return problems;
  }
  if (!media.schema) return problems;
  if (!/json/.test(contentType!)) return problems;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [...problems, `${where}: body is not JSON`];
  }
  const check = validatorFor(c, `body ${template} ${method} ${answer.status} ${contentType}`, media.schema);
  if (!check(body)) problems.push(`${where}: body ${c.ajv.errorsText(check.errors)}: ${answer.text.slice(0, 300)}`);
  return problems;
}
