// What the mail queue (lib/mail/worker.ts) and the job queue (./worker.ts) share: a row is taken by a conditional
// update (claimRow; the mail worker writes the same claim out as SQL, it runs once per mail), backoff doubles per
// failed attempt up to a cap, and one worker loop per database client runs in a process, woken by kicks and a timer.
// No database model or Next.js here: each queue passes its own update and pass.
import type { Db } from "../db/client";

/** A row as a worker read it: the claim matches only if `attempts` is still this (nobody took it since). */
export interface Claimable {
  id: string;
  attempts: number;
}

type UpdateMany<W, D> = (args: { where: W & Claimable; data: D & { attempts: number } }) => Promise<{ count: number }>;

/**
 * Takes `row` for one attempt: the update matches only while the row is as read (same attempts, and whatever
 * `where` adds: still due, still pending). Every claim raises attempts, so of two workers that read the same row
 * only the first one's update matches. True when this worker has it.
 */
export async function claimRow<W extends object, D extends object>(
  updateMany: UpdateMany<W, D>,
  row: Claimable,
  where: W,
  data: D,
): Promise<boolean> {
  const { count } = await updateMany({
    where: { ...where, id: row.id, attempts: row.attempts },
    data: { ...data, attempts: row.attempts + 1 },
  });
  return count === 1;
}

/** The wait after the `attempts`-th failed attempt (1-based): firstMs, then twice as long each time, up to maxMs. */
export function exponentialBackoffMs(attempts: number, firstMs: number, maxMs: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(firstMs * 2 ** exponent, maxMs);
}

/** A whole-number setting from the environment, from 1 to `max`; unset means `fallback`, anything else throws. */
export function wholeNumberSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max} (unset means ${fallback}), not "${env[name]}".`);
  return value;
}

export interface WorkerLoop {
  /** Wakes the worker (after a commit that queued work): the pass starts now, off the caller's path. Never throws. */
  kick(db: Db): void;
  /** Waits for a pass already going (if any) to end, starting none: before a client disconnects. */
  settle(db: Db): Promise<void>;
  /** Runs passes until nothing was kicked meanwhile (tests, the CLI before it exits). */
  flush(db: Db): Promise<void>;
  /** A pass now and every `everyMs`, besides the kicks; returns the function that stops the timer. */
  start(db: Db, everyMs: number): () => void;
}

/**
 * One loop per client per `name` in this process: a kick during a pass asks for one more pass instead of a second
 * loop. The state lives on globalThis because Next.js bundles a module once per route handler and server action,
 * and a kick from one copy must find the loop another copy started.
 */
export function workerLoop(
  name: string,
  pass: (db: Db) => Promise<unknown>,
  onError: (error: Error) => void,
  /** A kick starts the pass this much later: the request that kicked sends its answer first (CPU-heavy passes). */
  kickDelayMs = 0,
): WorkerLoop {
  const global = globalThis as unknown as { __procedureExchangeLoops?: Map<string, WeakMap<Db, LoopState>> };
  const all = (global.__procedureExchangeLoops ??= new Map());
  if (!all.has(name)) all.set(name, new WeakMap());
  const loops = all.get(name)!;

  function run(db: Db): Promise<void> {
    let state = loops.get(db);
    if (!state) loops.set(db, (state = { again: false }));
    const s = state;
    if (s.running) {
      s.again = true;
      return s.running;
    }
    s.running = (async () => {
      try {
        do {
          s.again = false;
          await pass(db);
        } while (s.again);
      } finally {
        s.running = undefined;
      }
    })();
    return s.running;
  }
  function kick(db: Db): void {
    if (kickDelayMs <= 0) return void run(db).catch(onError);
    let state = loops.get(db);
    if (!state) loops.set(db, (state = { again: false }));
    const s = state;
    if (s.scheduled) return;
    s.scheduled = new Promise<void>((resolve) =>
      setTimeout(() => {
        s.scheduled = undefined;
        run(db).catch(onError);
        resolve();
      }, kickDelayMs),
    );
  }
  return {
    kick,
    settle: async (db) => {
      await loops.get(db)?.scheduled;
      await loops.get(db)?.running?.catch(() => {});
    },
    flush: (db) => run(db),
    start(db, everyMs) {
      kick(db); // work queued while the server was down
      const timer = setInterval(() => kick(db), everyMs).unref();
      return () => clearInterval(timer);
    },
  };
}

interface LoopState {
  running?: Promise<void>;
  /** A delayed kick not yet started. */
  scheduled?: Promise<void>;
  again: boolean;
}
