// Runs once when the server starts: create and migrate the database before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A mistyped RATE_LIMITS stops the start with a message naming the mistake.
  (await import("./lib/rate-limit")).requireValidRateLimits();
  // So does a mistyped DIGEST; DIGEST=off leaves the reviewers' digests to `npm run cli -- digest:send`.
  const { digestTimerEnabled, startDigestTimer } = await import("./lib/review/digest-timer");
  const digests = digestTimerEnabled();
  // So do a mistyped MAIL_POLL_SECONDS or MAIL_MAX_ATTEMPTS.
  const { maxAttempts, pollSeconds } = await import("./lib/mail/queue-rules");
  const pollMs = pollSeconds() * 1000;
  maxAttempts();
  // And a mistyped JOB_POLL_SECONDS or JOB_LEASE_SECONDS.
  const { jobPollMs, leaseMs } = await import("./lib/jobs/rules");
  const jobPoll = jobPollMs();
  leaseMs();
  const { migrateDatabase } = await import("./lib/db/migrate");
  const applied = await migrateDatabase();
  if (applied.length) console.log(`[db] applied ${applied.length} migration(s): ${applied.join(", ")}`);
  // The mail worker: woken by every queued mail, and every MAIL_POLL_SECONDS for retries (and mail queued while down).
  const [{ startMailWorker }, { db: mailDb }] = await Promise.all([
    import("./lib/mail/worker"),
    import("./lib/db/client"),
  ]);
  startMailWorker(mailDb(), pollMs);
  // The job worker (exports): woken by every queued job, and every JOB_POLL_SECONDS for retries and jobs whose
  // worker died (their lease lapsed).
  const { startJobWorker } = await import("./lib/jobs/run");
  startJobWorker(mailDb(), jobPoll);
  if (digests) {
    // Each tick that finds a digest due queues a run as a job (lib/review/digest-job): it shows on /jobs.
    const { queueDigestRun } = await import("./lib/review/digest-job");
    startDigestTimer(() => queueDigestRun(mailDb()));
  }
}
