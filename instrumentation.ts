// Runs once when the server starts: create and migrate the database before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A mistyped RATE_LIMITS stops the start with a message naming the mistake.
  (await import("./lib/rate-limit")).requireValidRateLimits();
  // So does a mistyped DIGEST; DIGEST=off leaves the reviewers' digests to `npm run cli -- digest:send`.
  const { digestTimerEnabled, startDigestTimer } = await import("./lib/review/digest-timer");
  const digests = digestTimerEnabled();
  const { migrateDatabase } = await import("./lib/db/migrate");
  const applied = await migrateDatabase();
  if (applied.length) console.log(`[db] applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (digests) {
    const [{ sendDueDigests }, { db }] = await Promise.all([import("./lib/review/digest"), import("./lib/db/client")]);
    startDigestTimer(() => sendDueDigests(db()));
  }
}
