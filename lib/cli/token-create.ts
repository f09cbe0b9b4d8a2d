import { createApiToken } from "../auth/tokens";
import { findUserByEmail } from "../auth/users";
import type { Db } from "../db/client";
import { flag } from "./args";

/** `token:create --email E [--name N]`: prints the new token alone on the last line (shown once). */
export async function tokenCreateCommand(args: string[], db: Db): Promise<number> {
  const email = flag(args, "email");
  if (!email) {
    console.error("Usage: npm run cli -- token:create --email someone@example.org [--name laptop]");
    return 2;
  }
  const user = await findUserByEmail(db, email);
  const { token } = await createApiToken(db, user.id, flag(args, "name") ?? "cli");
  console.log(`API token for ${user.email} (${user.role}); it is shown only now, store it safely:`);
  console.log(token);
  return 0;
}
