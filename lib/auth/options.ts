// next-auth v4: e-mail magic links (10 minutes, single use — the adapter deletes the token when it
// is used), database sessions so sign-out and role changes take effect server-side at once.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "../db/client";
import { authSecret, servedOverHttps } from "../env";
import { sendMail } from "../mail";
import { normalizeEmail } from "./email";
import { isRole, type Role } from "./permissions";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
  }
}

export function authOptions(): NextAuthOptions {
  return {
    // The Prisma adapter's types target @prisma/client; our generated client has the same models.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    adapter: PrismaAdapter(db() as any) as NextAuthOptions["adapter"],
    secret: authSecret(),
    // Secure, __Host-/__Secure- prefixed cookies exactly when HSTS is sent (lib/env servedOverHttps).
    useSecureCookies: servedOverHttps(),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check", error: "/sign-in" },
    providers: [
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: normalizeEmail,
        // A server is required by the type; sending goes through lib/mail (SMTP_URL or the outbox).
        server: "smtp://localhost",
        async sendVerificationRequest({ identifier, url }) {
          await sendMail("sign-in", identifier, { url, host: new URL(url).host });
        },
      }),
    ],
    callbacks: {
      session({ session, user }) {
        const role = (user as { role?: string }).role ?? "CONTRIBUTOR";
        session.user = { id: user.id, email: user.email, name: user.name, role: isRole(role) ? role : "CONTRIBUTOR" };
        return session;
      },
    },
  };
}
