/** The one facts loader per account (issue 10): standing and association facts in one consistent read. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { enterpriseConfig } from '../config.js';
import * as keys from '../store/key-builders.js';
import { query } from '../store/patterns.js';
import * as queries from '../store/queries.js';
import { TABLE, db, getMany } from '../store/table.js';
import { type TransactItem, tagged } from '../store/writes.js';
import { ASSOCIATION_FACTS, type AccountFacts, type Associations, MEMBER_COUNTERS, type MemberCounts, type Standing } from './facts.js';

export async function loadFacts(accountId: string): Promise<AccountFacts> {
  const standingKey = keys.standing(accountId);
  const factsKey = keys.accountFacts(accountId);
  const items = await getMany([standingKey, factsKey]);
  const standing = items.find((i) => i.sk === standingKey.sk);
  const facts = items.find((i) => i.sk === factsKey.sk);
  // Every fact is false unless the area that owns it recorded true.
  const associations = Object.fromEntries(ASSOCIATION_FACTS.map((f) => [f, facts?.[f] === true])) as unknown as Associations;
  const memberCounts = Object.fromEntries(MEMBER_COUNTERS.map((c) => [c, Number(facts?.[c] ?? 0)])) as MemberCounts;
  // Issue 12: a master with members is associated; one with independent-accounting members is what R-PA-02/03 ask.
  if (memberCounts.enterpriseMembers > 0) associations.enterpriseAssociated = true;
  if (memberCounts.independentMembers > 0) associations.masterWithIndependentMembers = true;
  const masterAccountId = typeof facts?.masterAccountId === 'string' ? facts.masterAccountId : undefined;
  // Issue 12, read at read time (nothing propagated, nothing to keep in sync): a member's master's suspension
  // (R-MM-04, one GetItem, only for a member) and a master's unified members' service support plans (R-PD-05, one
  // Query and one BatchGetItem, only for a master with unified members). Any other account reads nothing more.
  const [masterSuspended, unifiedSupport] = await Promise.all([
    masterAccountId ? standingSuspended(masterAccountId) : undefined,
    memberCounts.unifiedMembers > 0 ? unifiedMembersServiceSupport(accountId) : false,
  ]);
  if (unifiedSupport) associations.unifiedMembersServiceSupport = true;
  return {
    standing: (standing?.standing as Standing | undefined) ?? {},
    standingVersion: (standing?.version as number | undefined) ?? 0,
    associations,
    ...(masterAccountId ? { masterAccountId, masterSuspended: masterSuspended === true } : {}),
    // Only a master that ever had a member carries counters.
    ...(facts?.enterpriseMembers !== undefined ? { memberCounts } : {}),
  };
}

/** R-MM-04: the account's standing says it is suspended (one consistent GetItem of the standing). */
async function standingSuspended(accountId: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.standing(accountId), ConsistentRead: true }));
  return (Item?.standing as Standing | undefined)?.suspended === true;
}

/** BatchGetItem takes at most this many keys. */
const BATCH = 100;

/**
 * R-PD-05: whether any unified-accounting member of the master has a valid service support plan: the master's
 * member rows (core reads the enterprise area's rows through the queries.* pattern, never its code) filtered to
 * unified accounting, then their standings. Bounded by enterpriseConfig.maxMembers.
 */
async function unifiedMembersServiceSupport(masterId: string): Promise<boolean> {
  const pattern = query(queries.enterpriseMembers, masterId);
  const memberIds: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        ...pattern,
        FilterExpression: 'accountingMode = :unified',
        ProjectionExpression: 'memberAccountId',
        ExpressionAttributeValues: { ...pattern.ExpressionAttributeValues, ':unified': 'unified' },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of out.Items ?? []) memberIds.push(item.memberAccountId as string);
    startKey = out.LastEvaluatedKey;
  } while (startKey && memberIds.length < enterpriseConfig.maxMembers);
  for (let i = 0; i < memberIds.length; i += BATCH) {
    const standings = await getMany(memberIds.slice(i, i + BATCH).map((id) => keys.standing(id)));
    if (standings.some((s) => (s.standing as Standing | undefined)?.serviceSupportPlan === true)) return true;
  }
  return false;
}

/** Sets association facts of an account, inside the transaction of the change that makes them true or false. */
export function associationFactsWrite(accountId: string, patch: Partial<Associations>): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(patch).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Holds only while the account has no association (tag `facts`): a commit that judged "not associated" (closing,
 * R-CL-03) is refused when an association was recorded after the facts were read.
 */
export function stillUnassociated(accountId: string): TransactItem {
  return tagged('facts', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      ConditionExpression:
        'attribute_not_exists(pk) OR ((attribute_not_exists(partnerAssociated) OR partnerAssociated = :no) AND (attribute_not_exists(enterpriseAssociated) OR enterpriseAssociated = :no) AND (attribute_not_exists(enterpriseMembers) OR enterpriseMembers = :zero))',
      ExpressionAttributeValues: { ':no': false, ':zero': 0 },
    },
  });
}

// ---- enterprise facts (issue 12): written by lib/enterprise only, in the transaction of the change

/**
 * A master's member counters change by `delta` for a member of `mode` (ADD: two members accepting at once never
 * lose a count). Never touches the fact item's other fields. One more member is refused at
 * `enterpriseConfig.maxMembers` (tag `member-cap`), also when two accept at once.
 */
export function memberCountersAdd(masterId: string, mode: 'unified' | 'independent', delta: 1 | -1): TransactItem {
  const update = {
    TableName: TABLE(),
    Key: keys.accountFacts(masterId),
    UpdateExpression: 'ADD enterpriseMembers :d, #mode :d',
    ExpressionAttributeNames: { '#mode': mode === 'unified' ? 'unifiedMembers' : 'independentMembers' },
    ExpressionAttributeValues: { ':d': delta } as Record<string, number>,
  };
  if (delta < 0) return { Update: update };
  return tagged('member-cap', {
    Update: {
      ...update,
      ConditionExpression: 'attribute_not_exists(enterpriseMembers) OR enterpriseMembers < :max',
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':max': enterpriseConfig.maxMembers },
    },
  });
}

/**
 * The member's facts at association (tag `invitee-master`: refused when the account is an enterprise master —
 * a master never becomes a member, also when it enabled Enterprise Center meanwhile).
 */
export function memberFactsSet(memberId: string, masterId: string, mode: 'unified' | 'independent'): TransactItem {
  return tagged('invitee-master', {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(memberId),
      UpdateExpression:
        'SET enterpriseAssociated = :yes, enterpriseMember = :yes, enterpriseUnifiedMember = :unified, masterAccountId = :master',
      // Also never partner staff or a partner's customer (the invitee conditions), when that came meanwhile.
      ConditionExpression:
        '(attribute_not_exists(enterpriseMaster) OR enterpriseMaster = :no) AND (attribute_not_exists(partnerProgram) OR partnerProgram = :no) AND (attribute_not_exists(partnerAssociated) OR partnerAssociated = :no)',
      ExpressionAttributeValues: { ':yes': true, ':no': false, ':unified': mode === 'unified', ':master': masterId },
    },
  });
}

/** The member's facts at disassociation; `awaitingPaymentMethod` (R-MM-05) set when asked. */
export function memberFactsClear(memberId: string, awaitingPaymentMethod = false): TransactItem {
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(memberId),
      UpdateExpression: `SET enterpriseAssociated = :no, enterpriseMember = :no, enterpriseUnifiedMember = :no${awaitingPaymentMethod ? ', awaitingPaymentMethod = :yes' : ''} REMOVE masterAccountId`,
      ExpressionAttributeValues: { ':no': false, ...(awaitingPaymentMethod ? { ':yes': true } : {}) },
    },
  };
}

/**
 * Enterprise Center enabled (tag `facts`: refused while the account is an enterprise member, or once it joined the
 * partner program — R-MM-01, also when it joins at the same time: see `partnerProgramSet`).
 */
export function enterpriseMasterSet(accountId: string): TransactItem {
  return tagged('facts', {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      UpdateExpression: 'SET enterpriseMaster = :yes',
      ConditionExpression:
        '(attribute_not_exists(enterpriseMember) OR enterpriseMember = :no) AND (attribute_not_exists(partnerProgram) OR partnerProgram = :no)',
      ExpressionAttributeValues: { ':yes': true, ':no': false },
    },
  });
}

/** R-MM-05: the account bound a payment method; no longer awaiting one (accounts' recordPaymentMethod). */
export function awaitingPaymentMethodClear(accountId: string): TransactItem {
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      UpdateExpression: 'SET awaitingPaymentMethod = :no',
      ExpressionAttributeValues: { ':no': false },
    },
  };
}

/**
 * R-MM-01 (issue 12): the account joins the partner program (partners: enrollment, accepting a staff invitation);
 * tag `enterprise-master`: refused while it is an Enterprise Center master — judged on the facts item inside the
 * joining transaction, so enabling Enterprise Center at the same time cannot make it both (`enterpriseMasterSet`
 * conditions the other way round).
 */
export function partnerProgramSet(accountId: string): TransactItem {
  return tagged('enterprise-master', {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      UpdateExpression: 'SET partnerProgram = :yes',
      ConditionExpression: 'attribute_not_exists(enterpriseMaster) OR enterpriseMaster = :no',
      ExpressionAttributeValues: { ':yes': true, ':no': false },
    },
  });
}

/**
 * Holds only while the standing is the version judged (0: none recorded); `tag` names it in a ConditionFailed. A
 * decision judged on the standing (a precondition, a check) commits on exactly the standing it judged.
 */
export function standingIs(accountId: string, version: number, tag = 'standing'): TransactItem {
  return tagged(tag, {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.standing(accountId),
      ...(version === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :v',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':v': version },
          }),
    },
  });
}
