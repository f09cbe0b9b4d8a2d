// next-auth v4: e-mail magic links (10 minutes, single use — the adapter deletes the token when it
// is used), database sessions so sign-out and role changes take effect server-side at once.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions, Session } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { recordAudit } from "../audit";
import { db } from "../db/client";
import { authSecret, servedOverHttps } from "../env";
import { enqueueMail, kickMail } from "../mail";
import { sameOriginRedirect } from "../http/safe-redirect";
import { maskEmails, maskEmailsDeep, normalizeEmail } from "./email";
import { isRole, type Role } from "./permissions";
import { sessionAndUser } from "./session-lookup";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
  }
}

export function authOptions(): NextAuthOptions {
  return {
    // The Prisma adapter's types target @prisma/client; our generated client has the same models. The session
    // look-up, asked on every signed-in request, is one SQL statement (lib/auth/session-lookup).
    adapter: {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ...(PrismaAdapter(db() as any) as NonNullable<NextAuthOptions["adapter"]>),
      getSessionAndUser: (sessionToken) => sessionAndUser(db(), sessionToken),
    },
    secret: authSecret(),
    // Secure, __Host-/__Secure- prefixed cookies exactly when HSTS is sent (lib/env servedOverHttps).
    useSecureCookies: servedOverHttps(),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check", error: "/sign-in", signOut: "/sign-out" },
    providers: [
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: normalizeEmail,
        // A server is required by the type; sending goes through lib/mail (SMTP_URL or the outbox).
        server: "smtp://localhost",
        // Queued (a write of its own: next-auth stores the token through its adapter) and sent by the mail worker,
        // woken at once; the job expires with the link, and its body is blanked once sent.
        async sendVerificationRequest({ identifier, url, expires }) {
          await enqueueMail(db(), "sign-in", identifier, { url, host: new URL(url).host }, { expiresAt: expires });
          kickMail(db());
        },
      }),
    ],
    // next-auth logs failed sign-ins with the raw input (and the client posts its own logs to
    // /api/auth/_log): every address in code, message and metadata is masked before it is printed.
    logger: {
      error(code, metadata) {
        console.error(`[next-auth][error][${maskEmails(String(code))}]`, maskEmailsDeep(metadata));
      },
      warn(code) {
        console.warn(`[next-auth][warn][${maskEmails(String(code))}]`);
      },
      // Debug output carries session tokens and addresses: never printed (a custom `debug` here
      // would replace next-auth's no-op even with `debug: false`).
      debug() {},
    },
    // A sign-in is on record for admins (lib/audit/browse). next-auth writes the session through its adapter, so
    // the event follows it rather than sharing its transaction; a failure to record is logged, never a refusal.
    events: {
      async signIn({ user, isNewUser }) {
        await recordAudit(db(), {
          actorId: user.id,
          action: "auth.signin",
          subjectType: "User",
          subjectId: user.id,
          data: { newUser: Boolean(isNewUser) },
        }).catch((error) => console.error("[audit] sign-in not recorded", maskEmailsDeep(error)));
      },
    },
    callbacks: {
      // A deactivated account asks for a link in vain and cannot use one it already has (next-auth asks both
      // times); the sign-in page says why ("AccessDenied").
      signIn({ user }) {
        return !(user as { deactivatedAt?: Date | null }).deactivatedAt;
      },
      // After sign-in and sign-out: only this app's own origin, by the same rule as the sign-in page
      // (lib/http/safe-redirect), rather than relying on next-auth's default staying strict.
      redirect({ url, baseUrl }) {
        return sameOriginRedirect(url, baseUrl);
      },
      session({ session, user }) {
        // Deactivation deletes the account's sessions (lib/auth/admin-users); one that outlived it anyway (a restored
        // backup, a race with a sign-in) carries no user, so sessionActor treats the request as signed out.
        if ((user as { deactivatedAt?: Date | null }).deactivatedAt) return { expires: session.expires } as Session;
        const role = (user as { role?: string }).role ?? "CONTRIBUTOR";
        session.user = { id: user.id, email: user.email, name: user.name, role: isRole(role) ? role : "CONTRIBUTOR" };
        return session;
      },
    },
  };
}
