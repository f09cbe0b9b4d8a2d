// The magic link. The URL is a credential: it appears only in the message body, never in the subject.
import { markup } from "./html";
import { blocks, button, layout, paragraph, PRODUCT_NAME, type MailTemplate } from "./template";

export interface SignInData {
  /** next-auth's callback URL (`/api/auth/callback/email?...`). */
  url: string;
  /** The site's host, so the reader can tell which installation sent it. */
  host: string;
}

/** Must match the EmailProvider's maxAge in lib/auth. */
export const SIGN_IN_LINK_MINUTES = 10;

const EXPIRY = `The link expires in ${SIGN_IN_LINK_MINUTES} minutes and works only once.`;
const IGNORE = "If you did not ask to sign in, you can ignore this e-mail: nobody can sign in without the link.";

export const signIn: MailTemplate<SignInData> = {
  subject: ({ host }) => `Sign in to ${PRODUCT_NAME} (${host})`,

  text: ({ url, host }) =>
    [`Sign in to ${PRODUCT_NAME} at ${host}`, "", "Open this link to sign in:", url, "", EXPIRY, "", IGNORE, ""].join(
      "\n",
    ),

  html: ({ url, host }) =>
    layout(
      `Sign in to ${PRODUCT_NAME}`,
      blocks(
        paragraph(markup`Sign in to ${PRODUCT_NAME} at <strong>${host}</strong>.`),
        button(url, "Sign in"),
        paragraph(EXPIRY),
        paragraph(IGNORE, true),
      ),
    ),
};
