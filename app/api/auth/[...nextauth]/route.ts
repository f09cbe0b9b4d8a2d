import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { limitSignIn } from "@/lib/rate-limit/sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, ctx: Context) => NextAuth(authOptions())(req, ctx);

// Sign-in links are rate limited before next-auth sends anything (lib/rate-limit/sign-in.ts).
async function post(req: Request, ctx: Context) {
  return (await limitSignIn(req, db())) ?? handler(req, ctx);
}

export { handler as GET, post as POST };
