/**
 * The scheduled function's work: claim what has come due in the sparse due-time index and process
 * it. Capabilities register their processors here (closure timers, outbox retries).
 */
export interface SchedulerResult {
  processed: number;
}

export async function runScheduler(): Promise<SchedulerResult> {
  return { processed: 0 };
}
