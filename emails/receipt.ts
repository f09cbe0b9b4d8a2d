// The receipt a contributor gets when their observation enters the review queue. It names the
// observation and what its TLP means, never the procedure text (mail leaves the platform).
import { markup } from "./html";
import { blocks, button, layout, paragraph, type MailTemplate } from "./template";

export interface ReceiptData {
  publicId: string;
  /** e.g. "T1059.001 PowerShell". */
  techniqueLabel: string;
  tlp: string;
  /** The level's meaning, from lib/observations/tlp (tlpMeaning). */
  tlpMeaning: string;
  observationUrl: string;
}

const NEXT = "A reviewer will look at it; you get an e-mail when they decide or have a question.";

export const receipt: MailTemplate<ReceiptData> = {
  subject: ({ publicId }) => `${publicId} received`,

  text: (d) =>
    [
      `We received your observation ${d.publicId} (${d.techniqueLabel}).`,
      "",
      `TLP:${d.tlp}: ${d.tlpMeaning}`,
      "",
      NEXT,
      "",
      `View it: ${d.observationUrl}`,
      "",
    ].join("\n"),

  html: (d) =>
    layout(
      `${d.publicId} received`,
      blocks(
        paragraph(markup`We received your observation <strong>${d.publicId}</strong> (${d.techniqueLabel}).`),
        paragraph(markup`<strong>TLP:${d.tlp}</strong>: ${d.tlpMeaning}`),
        paragraph(NEXT),
        button(d.observationUrl, "View the observation"),
      ),
    ),
};
