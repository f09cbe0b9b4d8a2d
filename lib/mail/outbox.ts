// Reading the local outbox for the /dev/outbox page. Ids come from URLs, so they are checked to
// be plain names before they touch the file system.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";
import { outboxDir, type OutboxMessage } from "./transport";

// Letters, digits, "-" and "_" only: no dots, slashes or backslashes, so no way out of the folder.
const OUTBOX_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function isOutboxId(id: string): boolean {
  return OUTBOX_ID.test(id);
}

/** Newest first; ids sort by time (see newOutboxId). An absent outbox is an empty one. */
export async function listOutbox(limit = 50): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter(isOutboxId)
    .sort()
    .reverse()
    .slice(0, Math.max(0, Math.floor(limit)));
  const messages = await Promise.all(ids.map(readOutboxFile));
  return messages.filter((m): m is OutboxMessage => m !== null);
}

/** The message, or null when there is none with that id. Throws VALIDATION for an id that is not a plain name. */
export async function readOutboxMessage(id: string): Promise<OutboxMessage | null> {
  if (!isOutboxId(id)) throw new AppError("VALIDATION", "Not an outbox message id.");
  return readOutboxFile(id);
}

async function readOutboxFile(id: string): Promise<OutboxMessage | null> {
  try {
    const raw = await readFile(path.join(outboxDir(), `${id}.json`), "utf8");
    return { ...(JSON.parse(raw) as OutboxMessage), id };
  } catch (error) {
    // A file deleted meanwhile or edited by hand is simply not shown.
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || error instanceof SyntaxError) return null;
    throw error;
  }
}
