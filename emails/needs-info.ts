// A reviewer's question. Answering or editing sends the observation back to review (DESIGN §4).
import { markup } from "./html";
import { blocks, button, layout, paragraph, quote, quoteText, type MailTemplate } from "./template";

export interface NeedsInfoData {
  publicId: string;
  question: string;
  observationUrl: string;
}

const RESUBMITS = "Your answer or edit sends it back to the review queue.";

export const needsInfo: MailTemplate<NeedsInfoData> = {
  subject: ({ publicId }) => `${publicId}: the reviewer has a question`,

  text: ({ publicId, question, observationUrl }) =>
    [
      `A reviewer needs more information before deciding on your observation ${publicId}.`,
      "",
      "Their question:",
      quoteText(question.trim()),
      "",
      `Answer or edit the observation here: ${observationUrl}`,
      "",
      RESUBMITS,
      "",
    ].join("\n"),

  html: ({ publicId, question, observationUrl }) =>
    layout(
      `${publicId}: the reviewer has a question`,
      blocks(
        paragraph(
          markup`A reviewer needs more information before deciding on your observation <strong>${publicId}</strong>.`,
        ),
        paragraph("Their question:"),
        quote(question.trim()),
        button(observationUrl, "Answer the question"),
        paragraph(RESUBMITS, true),
      ),
    ),
};
