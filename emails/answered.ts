// Tells the reviewer who asked a question that the contributor answered it. The answer is quoted as
// stored: already scrubbed by the anonymizer (lib/review/workflow).
import { markup } from "./html";
import { blocks, button, layout, paragraph, quote, quoteText, type MailTemplate } from "./template";

export interface AnsweredData {
  publicId: string;
  /** The contributor's answer, scrubbed. */
  answer: string;
  /** The reviewer's page for the observation (/queue/<id>). */
  reviewUrl: string;
}

const BACK = "It is back in the review queue, still assigned to you.";

export const answered: MailTemplate<AnsweredData> = {
  subject: ({ publicId }) => `${publicId}: the contributor answered your question`,

  text: ({ publicId, answer, reviewUrl }) =>
    [
      `The contributor of ${publicId} answered your question.`,
      "",
      "Their answer:",
      quoteText(answer.trim()),
      "",
      BACK,
      "",
      `Review it: ${reviewUrl}`,
      "",
    ].join("\n"),

  html: ({ publicId, answer, reviewUrl }) =>
    layout(
      `${publicId}: the contributor answered`,
      blocks(
        paragraph(markup`The contributor of <strong>${publicId}</strong> answered your question.`),
        paragraph("Their answer:"),
        quote(answer.trim()),
        paragraph(BACK),
        button(reviewUrl, "Review it"),
      ),
    ),
};
