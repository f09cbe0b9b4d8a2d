// Rendering a template, and handing a rendered mail to the configured transport. Application code never sends
// directly: it queues (./queue enqueueMail) and the worker (./worker) calls deliverMail. Bodies and links are never
// logged: a sign-in mail's URL is a credential, so logs name only the template and a masked recipient.
import { templates, type MailTemplate, type TemplateData, type TemplateName } from "../../emails";
import { maskEmail } from "../auth/email";
import { createTransport, type MailTransport } from "./transport";

export const DEFAULT_MAIL_FROM = "Procedure Exchange <no-reply@localhost>";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function renderMail<N extends TemplateName>(template: N, data: TemplateData<N>): RenderedMail {
  // The registry is a union of templates; N ties this one to its data type.
  const t = templates[template] as MailTemplate<TemplateData<N>>;
  return { subject: t.subject(data), text: t.text(data), html: t.html(data) };
}

/**
 * Sends one rendered mail now, from MAIL_FROM, and logs `label` (the template, what it is about) with the recipient
 * masked; throws the transport's error (which never quotes the body).
 */
export async function deliverMail(
  mail: RenderedMail & { to: string },
  label: string,
  transport: MailTransport = createTransport(),
) {
  await transport.send({
    to: mail.to,
    from: process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
  console.info(`[mail] ${label} to ${maskEmail(mail.to)} via ${transport.kind} ${transport.target}`);
}

/** Renders and sends at once, bypassing the queue: for the templates' own tests only. */
export async function sendMail<N extends TemplateName>(template: N, to: string, data: TemplateData<N>): Promise<void> {
  await deliverMail({ to, ...renderMail(template, data) }, template);
}
