// The one way this server works durable jobs kept in the database (directory syncs,
// webhook deliveries): every instance runs a loop per kind of job that claims work with
// SELECT ... FOR UPDATE SKIP LOCKED under a lease (so one instance works a job at a time,
// and a dead instance's jobs are claimed again once their leases expire), works up to
// `concurrency` jobs at once, and sleeps `pollMs` when there is nothing to claim, unless
// woken. What a claim takes, and what working a job means, are the job kind's.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.ts';

export interface JobLoopOptions<Job> {
  /** What the jobs are, for log lines ("directory syncs"). */
  name: string;
  logger: Logger;
  pollMs: number;
  concurrency: number;
  /** Claims one job under a lease, or finds none. */
  claim(): Promise<Job | null>;
  /** Works a claimed job to its end (its own failures are its to record). */
  work(job: Job): Promise<void>;
  /** Runs before each claim (queuing scheduled work, for example). */
  beforeClaim?(): Promise<void>;
}

export interface JobLoop {
  /** Look for work now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, then waits up to graceMs for the jobs in flight. */
  stop(graceMs: number): Promise<void>;
}

export function startJobLoop<Job>({ name, logger, pollMs, concurrency, claim, work, beforeClaim }: JobLoopOptions<Job>): JobLoop {
  let running = true;
  let wake: (() => void) | undefined;
  const active = new Set<Promise<void>>();

  async function loop() {
    while (running) {
      await beforeClaim?.();
      if (active.size < concurrency) {
        const claimed = await claim().catch((error) => {
          if (running) logger.error({ err: error }, `could not claim ${name}`);
          return null;
        });
        if (claimed) {
          const job = work(claimed)
            .catch((error) => logger.error({ err: error }, `working one of the ${name} failed`))
            .finally(() => {
              active.delete(job);
              wake?.(); // a slot is free
            });
          active.add(job);
          continue;
        }
      }
      await Promise.race([sleep(pollMs), new Promise<void>((resolve) => (wake = resolve))]);
    }
  }

  const looping = loop();
  return {
    wake: () => wake?.(),
    async stop(graceMs) {
      running = false;
      wake?.();
      await looping;
      await Promise.race([Promise.allSettled(active), sleep(graceMs)]);
    },
  };
}
