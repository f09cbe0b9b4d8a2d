// Tells a reviewer that observations were assigned to them (the `assign` transition, one or a bulk batch: one
// mail per batch). The reason is quoted as stored: scrubbed by the anonymizer, and internal (reviewers read it).
import { markup, safeUrl } from "./html";
import { blocks, button, layout, paragraph, quote, quoteText, type MailTemplate } from "./template";

export interface AssignedData {
  /** The observations now assigned, each with the reviewer's page (/queue/<id>). */
  items: { publicId: string; reviewUrl: string }[];
  /** Why, when the assigner gave a reason (scrubbed). */
  reason?: string;
}

const NEXT = "You can edit and decide them now; unclaim one to hand it back to the queue.";

const what = (items: AssignedData["items"]) =>
  items.length === 1 ? items[0].publicId : `${items.length} observations`;

export const assigned: MailTemplate<AssignedData> = {
  subject: ({ items }) => `${what(items)} assigned to you for review`,

  text: ({ items, reason }) =>
    [
      `${what(items)} ${items.length === 1 ? "was" : "were"} assigned to you for review:`,
      "",
      ...items.map((i) => `- ${i.publicId}: ${i.reviewUrl}`),
      "",
      ...(reason ? ["The reason given:", quoteText(reason.trim()), ""] : []),
      NEXT,
      "",
    ].join("\n"),

  html: ({ items, reason }) =>
    layout(
      `${what(items)} assigned to you`,
      blocks(
        paragraph(`${what(items)} ${items.length === 1 ? "was" : "were"} assigned to you for review.`),
        items.length === 1
          ? button(items[0].reviewUrl, `Review ${items[0].publicId}`)
          : markup`<ul style="margin:0 0 16px;">${items.map(
              (i) => markup`<li><a href="${safeUrl(i.reviewUrl)}" style="color:#1f6feb;">${i.publicId}</a></li>`,
            )}</ul>`,
        reason && paragraph("The reason given:"),
        reason && quote(reason.trim()),
        paragraph(NEXT, true),
      ),
    ),
};
