// The registry lib/mail renders from: one entry per message, keyed by the name callers pass.
import { answered } from "./answered";
import { assigned } from "./assigned";
import { comment } from "./comment";
import { decision } from "./decision";
import { digest } from "./digest";
import { invite } from "./invite";
import { needsInfo } from "./needs-info";
import { receipt } from "./receipt";
import { signIn } from "./sign-in";
import type { MailTemplate } from "./template";
import { upstream } from "./upstream";

export const templates = {
  "sign-in": signIn,
  decision,
  "needs-info": needsInfo,
  receipt,
  answered,
  assigned,
  comment,
  invite,
  digest,
  upstream,
} as const;

export type TemplateName = keyof typeof templates;

export type TemplateData<N extends TemplateName> = (typeof templates)[N] extends MailTemplate<infer D> ? D : never;

export type { MailTemplate } from "./template";
export type { SignInData } from "./sign-in";
export type { DecisionData, DecisionStatus } from "./decision";
export type { NeedsInfoData } from "./needs-info";
export type { ReceiptData } from "./receipt";
export type { AnsweredData } from "./answered";
export type { AssignedData } from "./assigned";
export type { CommentData } from "./comment";
export type { InviteData } from "./invite";
export type { DigestData } from "./digest";
export type { UpstreamData } from "./upstream";
export { SIGN_IN_LINK_MINUTES } from "./sign-in";
export { escapeHtml } from "./html";
