import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session";
import { SIGNIN_RATE_LIMITED_ERROR, SIGNIN_RATE_LIMITED_MESSAGE } from "@/lib/rate-limit/rules";
import { SignInForm } from "./sign-in-form";

const ERRORS: Record<string, string> = {
  Verification:
    "That sign-in link has expired or was already used. Links work once, for 10 minutes: ask for a new one.",
  EmailSignin: "We could not send the sign-in e-mail. Try again in a minute; if it keeps failing, tell the operator.",
  [SIGNIN_RATE_LIMITED_ERROR]: SIGNIN_RATE_LIMITED_MESSAGE,
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const { error, callbackUrl } = await searchParams;
  if (await sessionActor()) redirect(callbackUrl?.startsWith("/") ? callbackUrl : "/");
  return (
    <>
      <h1>Sign in</h1>
      <div className="panel">
        <p>We e-mail you a link that signs you in. It works once, for 10 minutes. No password to remember.</p>
        {error && (
          <p className="notice bad" role="status">
            {ERRORS[error] ?? "Sign-in failed. Ask for a new link."}
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl?.startsWith("/") ? callbackUrl : "/submit"} />
      </div>
    </>
  );
}
