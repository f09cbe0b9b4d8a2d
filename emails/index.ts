// The registry lib/mail renders from: one entry per message, keyed by the name callers pass.
import { decision } from "./decision";
import { needsInfo } from "./needs-info";
import { signIn } from "./sign-in";
import type { MailTemplate } from "./template";

export const templates = {
  "sign-in": signIn,
  decision,
  "needs-info": needsInfo,
} as const;

export type TemplateName = keyof typeof templates;

export type TemplateData<N extends TemplateName> = (typeof templates)[N] extends MailTemplate<infer D> ? D : never;

export type { MailTemplate } from "./template";
export type { SignInData } from "./sign-in";
export type { DecisionData, DecisionStatus } from "./decision";
export type { NeedsInfoData } from "./needs-info";
export { SIGN_IN_LINK_MINUTES } from "./sign-in";
export { escapeHtml } from "./html";
