// Render a template and hand it to the configured transport. Bodies and links are never logged:
// a sign-in mail's URL is a credential, so the log names only the template and a masked recipient.
import { templates, type MailTemplate, type TemplateData, type TemplateName } from "../../emails";
import { maskEmail } from "../auth/email";
import { createTransport } from "./transport";

export const DEFAULT_MAIL_FROM = "Procedure Exchange <no-reply@localhost>";

export async function sendMail<N extends TemplateName>(template: N, to: string, data: TemplateData<N>): Promise<void> {
  // The registry is a union of templates; N ties this one to its data type.
  const t = templates[template] as MailTemplate<TemplateData<N>>;
  const transport = createTransport();
  await transport.send({
    to,
    from: process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    subject: t.subject(data),
    text: t.text(data),
    html: t.html(data),
  });
  console.info(`[mail] ${template} to ${maskEmail(to)} via ${transport.kind} ${transport.target}`);
}
