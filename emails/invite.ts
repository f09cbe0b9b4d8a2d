// An admin invited someone: it says who the platform is, their role, and where to sign in. It carries no link
// that signs in by itself: the invitee asks for their own magic link on the sign-in page.
import { markup } from "./html";
import { blocks, button, layout, paragraph, PRODUCT_NAME, type MailTemplate } from "./template";

export interface InviteData {
  role: string;
  signInUrl: string;
  host: string;
}

const WHAT = "Researchers share anonymized procedure observations here; reviewers turn them into ATT&CK additions.";

export const invite: MailTemplate<InviteData> = {
  subject: ({ host }) => `You are invited to ${PRODUCT_NAME} (${host})`,

  text: (d) =>
    [
      `An admin of ${PRODUCT_NAME} at ${d.host} invited you as a ${d.role.toLowerCase()}.`,
      "",
      WHAT,
      "",
      `Sign in with this e-mail address: ${d.signInUrl}`,
      "",
    ].join("\n"),

  html: (d) =>
    layout(
      `You are invited to ${PRODUCT_NAME}`,
      blocks(
        paragraph(
          markup`An admin of ${PRODUCT_NAME} at <strong>${d.host}</strong> invited you as a ${d.role.toLowerCase()}.`,
        ),
        paragraph(WHAT),
        button(d.signInUrl, "Sign in"),
      ),
    ),
};
