/**
 * Issue 9 item 11: the AWS actions the deployed code uses, DERIVED from its source (never listed by
 * hand), and the actions a stack grants. Deployed code = lib/ and functions/ without the local-only
 * parts (lib/local, functions/local never run in a deployed stage).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** SDK command class (by the module it is imported from) → the IAM actions a call needs. */
const COMMAND_ACTIONS: Record<string, Record<string, string[]>> = {
  '@aws-sdk/lib-dynamodb': {
    GetCommand: ['dynamodb:GetItem'],
    PutCommand: ['dynamodb:PutItem'],
    UpdateCommand: ['dynamodb:UpdateItem'],
    DeleteCommand: ['dynamodb:DeleteItem'],
    QueryCommand: ['dynamodb:Query'],
    ScanCommand: ['dynamodb:Scan'],
    BatchGetCommand: ['dynamodb:BatchGetItem'],
    BatchWriteCommand: ['dynamodb:BatchWriteItem'],
    TransactGetCommand: ['dynamodb:GetItem'],
    // TransactWriteItems is authorised per item kind: see TRANSACT_ITEM_ACTIONS.
    TransactWriteCommand: [],
  },
  '@aws-sdk/client-sns': { PublishCommand: ['sns:Publish'], PublishBatchCommand: ['sns:Publish'] },
  '@aws-sdk/client-secrets-manager': { GetSecretValueCommand: ['secretsmanager:GetSecretValue'] },
  '@aws-sdk/client-ssm': { GetParameterCommand: ['ssm:GetParameter'], GetParametersCommand: ['ssm:GetParameters'] },
};
COMMAND_ACTIONS['@aws-sdk/client-dynamodb'] = {
  GetItemCommand: ['dynamodb:GetItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  BatchGetItemCommand: ['dynamodb:BatchGetItem'],
  BatchWriteItemCommand: ['dynamodb:BatchWriteItem'],
  TransactGetItemsCommand: ['dynamodb:GetItem'],
  TransactWriteItemsCommand: [],
};

/** Items of a TransactWriteItems call (`{ Put: ... }` etc. in a TransactItem literal) → IAM action. */
const TRANSACT_ITEM_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

/** Middy middlewares that call AWS themselves. */
const MIDDLEWARE_ACTIONS: Record<string, string[]> = {
  '@middy/secrets-manager': ['secretsmanager:GetSecretValue'],
  '@middy/ssm': ['ssm:GetParameters'],
};

/** The S3 REST calls of lib/materials/s3-storage.ts (SigV4-signed fetches, no SDK) → IAM action. */
const S3_METHOD_ACTIONS: Record<string, string[]> = {
  PUT: ['s3:PutObject'],
  GET: ['s3:GetObject'],
  DELETE: ['s3:DeleteObject'],
  HEAD: ['s3:GetObject'],
};
export const S3_ADAPTER = 'lib/materials/s3-storage.ts';

export const CHECKED_SERVICES = ['dynamodb', 'sns', 's3'] as const;

function sources(root: string): string[] {
  return ['lib', 'functions'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith('local/') && !f.startsWith('local\\'))
      .map((f) => join(dir, f)),
  );
}

export interface UsedActions {
  actions: Set<string>;
  /** Where each action comes from (for messages). */
  origin: Map<string, string[]>;
  /** SDK commands found in the code that the map does not know: the test fails on these. */
  unmapped: string[];
}

export function usedActions(root: string): UsedActions {
  const origin = new Map<string, string[]>();
  const unmapped: string[] = [];
  const add = (action: string, where: string) => origin.set(action, [...(origin.get(action) ?? []), where]);
  for (const file of sources(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/[\w-]+)'/g)) {
      const names = m[1]!
        .split(',')
        .map((n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        )
        .filter(Boolean);
      for (const name of names.filter((n) => n.endsWith('Command'))) {
        if (!new RegExp(`new\\s+${name}\\s*\\(`).test(text)) continue;
        const actions = COMMAND_ACTIONS[m[2]!]?.[name];
        if (!actions) unmapped.push(`${m[2]}:${name} (${file})`);
        for (const a of actions ?? []) add(a, `${file}: ${name}`);
        if (name === 'TransactWriteCommand' || name === 'TransactWriteItemsCommand') add('__transact__', file);
      }
    }
    for (const [kind, action] of Object.entries(TRANSACT_ITEM_ACTIONS)) {
      // A transaction item literal: `{ Put: {` or `Put: {` as an object key (TransactItem shape).
      if (new RegExp(`[{,]\\s*${kind}\\s*:\\s*\\{`).test(text) || new RegExp(`\\b${kind}:\\s*\\{\\s*TableName`).test(text))
        add(`__item__${action}`, `${file}: ${kind} transaction item`);
    }
    for (const m of text.matchAll(/from\s*'(@middy\/[\w-]+)'/g))
      for (const a of MIDDLEWARE_ACTIONS[m[1]!] ?? []) add(a, `${file}: ${m[1]}`);
    if (file === S3_ADAPTER) {
      for (const m of text.matchAll(/this\.request\('([A-Z]+)'/g))
        for (const a of S3_METHOD_ACTIONS[m[1]!] ?? []) add(a, `${file}: ${m[1]}`);
      // A server-side copy reads the source object and writes the destination.
      if (text.includes('x-amz-copy-source')) for (const a of ['s3:GetObject', 's3:PutObject']) add(a, `${file}: copy`);
    }
  }
  // Transaction items count only when the code runs TransactWriteItems at all.
  const transacts = origin.has('__transact__');
  const actions = new Set<string>();
  for (const a of origin.keys()) {
    if (a.startsWith('__item__') && transacts) actions.add(a.slice('__item__'.length));
    else if (!a.startsWith('__')) actions.add(a);
  }
  return { actions, origin, unmapped };
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
}

/** Every action an Allow statement grants (IAM actions are case-insensitive: kept as written, compared lower-case). */
export function grantedActions(statements: Statement[]): Set<string> {
  return new Set(
    statements.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : s.Action ? [s.Action] : [])),
  );
}

const lower = (set: Iterable<string>) => new Set([...set].map((a) => a.toLowerCase()));
export const ofService = (set: Iterable<string>, service: string) =>
  [...lower(set)].filter((a) => a.startsWith(`${service.toLowerCase()}:`)).sort();

/** What is used but not granted, and (for the checked services) granted but not used. */
export function compare(used: Set<string>, granted: Set<string>) {
  const g = lower(granted);
  const u = lower(used);
  if ([...g].some((a) => a.includes('*'))) throw new Error('A wildcard action is granted; grant the actions one by one.');
  const missing = [...u].filter((a) => !g.has(a)).sort();
  const unused = CHECKED_SERVICES.flatMap((s) => ofService(g, s)).filter((a) => !u.has(a));
  return { missing, unused };
}
