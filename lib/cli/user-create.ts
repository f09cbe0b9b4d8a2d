import { upsertUser } from "../auth/users";
import type { Db } from "../db/client";
import { flag } from "./args";

/** `user:create --email E --role R` (also `user:role`): creates the user or changes its role. */
export async function userCreateCommand(args: string[], db: Db): Promise<number> {
  const email = flag(args, "email");
  const role = flag(args, "role") ?? "CONTRIBUTOR";
  if (!email) {
    console.error("Usage: npm run cli -- user:create --email someone@example.org --role CONTRIBUTOR|REVIEWER|ADMIN");
    return 2;
  }
  const user = await upsertUser(db, email, role);
  console.log(`${user.email} is ${user.role}`);
  return 0;
}
