// A shared comment on an observation: to the contributor when a reviewer writes, to the assigned reviewer
// when the contributor does. The body is quoted as stored: already scrubbed (lib/review/comments).
// Internal notes are never mailed.
import { markup } from "./html";
import { blocks, button, layout, paragraph, quote, quoteText, type MailTemplate } from "./template";

export interface CommentData {
  publicId: string;
  /** Who wrote it, as the recipient knows them. */
  from: "reviewer" | "contributor";
  /** The comment, scrubbed. */
  body: string;
  /** The recipient's page for the observation: /my/<id> for the contributor, /queue/<id> for the reviewer. */
  url: string;
}

const WHO = { reviewer: "A reviewer", contributor: "The contributor" } as const;

export const comment: MailTemplate<CommentData> = {
  subject: ({ publicId, from }) => `${publicId}: ${WHO[from].toLowerCase()} commented`,

  text: ({ publicId, from, body, url }) =>
    [
      `${WHO[from]} commented on ${from === "reviewer" ? "your observation " : ""}${publicId}:`,
      "",
      quoteText(body.trim()),
      "",
      `Read the conversation and reply: ${url}`,
      "",
    ].join("\n"),

  html: ({ publicId, from, body, url }) =>
    layout(
      `${publicId}: ${WHO[from].toLowerCase()} commented`,
      blocks(
        paragraph(
          from === "reviewer"
            ? markup`A reviewer commented on your observation <strong>${publicId}</strong>:`
            : markup`The contributor commented on <strong>${publicId}</strong>:`,
        ),
        quote(body.trim()),
        button(url, "Read and reply"),
      ),
    ),
};
