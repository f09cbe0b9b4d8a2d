// The server's digest clock: shortly after start, then hourly, it queues a digest job when a digest is due
// (lib/review/digest-job.ts; the job worker sends them and /jobs shows the run). Each run claims what it sends
// (lib/review/digest.ts), so several servers, or a server and the CLI, can run it side by side.
import { maskEmails } from "../auth/email";
import { DIGEST_CHECK_INTERVAL_MS } from "./digest-rules";
import type { DigestRun } from "./digest";

/** A minute after start: a server restarted more often than hourly still sends its digests. */
export const DIGEST_FIRST_CHECK_MS = 60_000;

/** DIGEST=off turns the timer off (the e2e suite does; `npm run cli -- digest:send` still works). */
export function digestTimerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.DIGEST?.trim().toLowerCase() ?? "";
  if (value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new Error(`DIGEST must be "on" or "off" (unset means on), not "${env.DIGEST}".`);
}

/** Calls `run` after `firstMs`, then every `everyMs`; a run still going when the next is due is not doubled. */
export function startDigestTimer(
  run: () => Promise<DigestRun>,
  { firstMs = DIGEST_FIRST_CHECK_MS, everyMs = DIGEST_CHECK_INTERVAL_MS } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await run();
      if (r.sent + r.skipped + r.failed > 0)
        console.log(`[digest] ${r.sent} sent, ${r.skipped} skipped (nothing to report), ${r.failed} failed`);
    } catch (error) {
      console.error(`[digest] run failed: ${maskEmails((error as Error).message)}`);
    } finally {
      running = false;
    }
  };
  // unref: the timer never keeps a process alive that is otherwise done.
  const first = setTimeout(tick, firstMs).unref();
  const every = setInterval(tick, everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
