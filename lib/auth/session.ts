// The signed-in actor of the current request (server components, actions and route handlers).
import { getServerSession } from "next-auth";
import { isRole, type Actor } from "./permissions";
import { authOptions } from "./options";

export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!user?.id || !user.email || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, role: user.role };
}
