import { describe, expect, it } from 'vitest';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { listRecordedMessages, RecordingNotifier } from '../../../lib/local/recording-notifier.js';
import { advanceTestClock } from '../../../lib/local/test-clock.js';

describe('local message sink and test clock', () => {
  it('records every message and lists them newest first, per destination', async () => {
    const sink = new RecordingNotifier();
    const to = `${Math.random()}@example.com`;
    await sink.send({ messageId: 'm1', channel: 'email', to, kind: 'test', language: 'en', subject: 's', body: 'first' });
    setClockOffset(clockOffset() + 1000);
    await sink.send({ messageId: 'm2', channel: 'email', to, kind: 'test', language: 'en', subject: 's', body: 'second' });
    const items = await listRecordedMessages(to);
    expect(items.map((m) => m.body)).toEqual(['second', 'first']);
    expect(await listRecordedMessages('nobody@example.com')).toEqual([]);
    setClockOffset(0);
  });

  it('advancing the test clock stores the offset and applies it', async () => {
    setClockOffset(0);
    const shown = await advanceTestClock(3600);
    expect(clockOffset()).toBe(3_600_000);
    expect(Date.parse(shown) - Date.now()).toBeGreaterThan(3_590_000);
    await advanceTestClock(-3600);
    expect(clockOffset()).toBe(0);
  });
});
