/**
 * Every key builder of the single table as a named export (declared in ./patterns.ts). keys.ts re-exports this module
 * as the namespace `keys`: `keys.account(id)` reads as before, and esbuild keeps in a bundle only the builders it uses
 * (an object of builders kept every one in every bundle: each new access pattern cost every function).
 */
export {
  account,
  accountPartition,
  claim,
  session,
  device,
  challenge,
  rateWindow,
  idempotency,
  auditPartition,
  auditTrace,
  timer,
  currencyChange,
  recipient,
  material,
  standing,
  accountFacts,
  latestClosureCheck,
  duePartition,
  outbox,
  clock,
  localMessage,
  localMessagesPartition,
  localMessagesAll,
  handshake,
  handshakeOpen,
  handshakeOfParty,
} from './patterns.js';
