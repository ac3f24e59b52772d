/**
 * Issue 10, overhead per operation: what the stack itself costs is a handler's time minus its time inside
 * SDK calls and minus password hashing and keyed hashes. lib/core/sdk-calls.ts times each call from its first
 * middleware on; `excludeSdkSends` widens that to the whole `send` (the SDK builds and sorts a command's
 * middleware stack before any middleware runs). node:crypto is patched in place and its ESM exports
 * re-synced, so lib/ code importing `scrypt` or `createHmac` by name runs the timed wrapper without a change to it.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);

type Begin = () => () => void;

/** Times node:crypto's KDFs (scrypt, pbkdf2), HMACs and constant-time compares as excluded sections. */
export function excludeHashing(beginExcluded: Begin): void {
  const crypto = require('node:crypto') as Record<string, any>;
  for (const name of ['scrypt', 'pbkdf2'] as const) {
    const original = crypto[name] as (...args: any[]) => void;
    crypto[name] = (...args: any[]) => {
      const callback = args.pop() as (...result: unknown[]) => void;
      const end = beginExcluded();
      return original(...args, (...result: unknown[]) => {
        end();
        callback(...result);
      });
    };
  }
  for (const name of ['scryptSync', 'pbkdf2Sync', 'timingSafeEqual'] as const) {
    const original = crypto[name] as (...args: any[]) => unknown;
    crypto[name] = (...args: any[]) => {
      const end = beginExcluded();
      try {
        return original(...args);
      } finally {
        end();
      }
    };
  }
  const createHmac = crypto.createHmac as typeof import('node:crypto').createHmac;
  crypto.createHmac = ((...args: Parameters<typeof createHmac>) => {
    const end = beginExcluded();
    const hmac = createHmac(...args);
    end();
    for (const method of ['update', 'digest'] as const) {
      const original = (hmac[method] as (...a: any[]) => unknown).bind(hmac);
      (hmac as any)[method] = (...a: any[]) => {
        const stop = beginExcluded();
        try {
          const out = original(...a);
          return out === hmac ? hmac : out;
        } finally {
          stop();
        }
      };
    }
    return hmac;
  }) as typeof createHmac;
  syncBuiltinESMExports();
}

/**
 * Times every SDK client's whole `send` (the shared smithy Client class, as the clients lib/ uses resolve it)
 * as an excluded section. Returns how to undo it.
 */
export function excludeSdkSends(beginExcluded: Begin): () => void {
  const { Client } = require(require.resolve('@smithy/core/client', { paths: [process.cwd()] })) as {
    Client: { prototype: { send: (...args: unknown[]) => unknown } };
  };
  const send = Client.prototype.send;
  Client.prototype.send = function timedSend(this: unknown, ...args: unknown[]) {
    const end = beginExcluded();
    try {
      const out = send.apply(this, args);
      if (out && typeof (out as Promise<unknown>).finally === 'function') return (out as Promise<unknown>).finally(end);
      end();
      return out;
    } catch (error) {
      end();
      throw error;
    }
  };
  return () => {
    Client.prototype.send = send;
  };
}

/** The median of `samples`, one decimal (upper median for an even count, like the bench's other figures). */
export function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}
