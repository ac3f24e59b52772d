/** Helpers to call a handler in-process with an API Gateway v2 event, and the running local stage over HTTP. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { contractProblems } from './contract.js';

export interface EventInput {
  method: string;
  path: string;
  body?: string | object;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  sourceIp?: string;
  isBase64Encoded?: boolean;
}

export function apiEvent(input: EventInput): APIGatewayProxyEventV2 {
  const body = input.body === undefined ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  return {
    version: '2.0',
    routeKey: `${input.method} ${input.path}`,
    rawPath: input.path,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: {
      ...(input.body !== undefined && typeof input.body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...input.headers,
    },
    queryStringParameters: input.query,
    pathParameters: input.pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '203.0.113.10',
        userAgent: 'vitest',
      },
      requestId: randomUUID(),
      routeKey: `${input.method} ${input.path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: input.isBase64Encoded ?? false,
  };
}

export function lambdaContext(): Context {
  return {
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'test',
    functionVersion: '1',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:test',
    logGroupName: 'test',
    logStreamName: 'test',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function invoke(handler: Handler, input: EventInput) {
  const res = await handler(apiEvent(input), lambdaContext());
  const text = typeof res.body === 'string' ? res.body : '';
  return {
    status: res.statusCode ?? 0,
    headers: Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])),
    body: text ? JSON.parse(text) : undefined,
  };
}

/** The running local stage (started once per run by the global setup). */
export function apiUrl(): string {
  return inject('apiUrl');
}

/**
 * The one way e2e files talk to the local stage: every answer is checked against the served OpenAPI
 * document (test/support/contract.ts) before the test sees it (issue 9 item 18).
 */
export async function send(method: string, url: string, init: { headers?: Record<string, string>; body?: RequestInit['body'] } = {}) {
  const res = await fetch(url.startsWith('http') ? url : `${apiUrl()}${url}`, { method, headers: init.headers, body: init.body });
  const text = await res.text();
  expect(
    await contractProblems(apiUrl(), method, res.url || url, { status: res.status, headers: res.headers, text }),
    'the answer conforms to the OpenAPI document',
  ).toEqual([]);
  return { status: res.status, headers: res.headers, text };
}

export async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await send(method, path, {
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: res.status, headers: res.headers, body: res.text ? JSON.parse(res.text) : undefined };
}
