// Tells a contributor what the reviewer decided on their observation, with the reviewer's comment.
import { tlpAllows } from "../lib/observations/tlp";
import { markup } from "./html";
import { blocks, button, layout, paragraph, quote, quoteText, type MailTemplate } from "./template";

export type DecisionStatus = "ACCEPTED" | "REJECTED" | "DUPLICATE";

export interface DecisionData {
  publicId: string;
  status: DecisionStatus;
  /** e.g. "T1059.001 Command and Scripting Interpreter: PowerShell". */
  techniqueLabel: string;
  comment?: string;
  observationUrl: string;
  /** The observation's TLP: accepted work that is not TLP:CLEAR never enters a public release. */
  tlp?: string;
}

// The verdict reads "<before> OBS-000123 (technique)<after>." so the HTML can bold the id.
const WORDING: Record<DecisionStatus, { subject: string; before: string; after: string; next: string }> = {
  ACCEPTED: {
    subject: "accepted",
    before: "A reviewer accepted your observation",
    after: "",
    next: "It will be part of the next release of candidate procedure examples offered to the ATT&CK team.",
  },
  REJECTED: {
    subject: "not accepted",
    before: "A reviewer decided not to accept your observation",
    after: "",
    next: "It will not be part of a release.",
  },
  DUPLICATE: {
    subject: "marked as a duplicate",
    before: "A reviewer marked your observation",
    after: " as a duplicate",
    next: "The same procedure is already known to ATT&CK or was submitted before, so it will not be released separately.",
  },
};

/** What happens next; an accepted observation goes public only when its TLP allows it. */
function nextStep(data: DecisionData): string {
  if (data.status === "ACCEPTED" && data.tlp && !tlpAllows(data.tlp, "public"))
    return `It is TLP:${data.tlp}, so it stays on the platform and is not part of a public release.`;
  return WORDING[data.status].next;
}

function comment(data: DecisionData): string | undefined {
  const text = data.comment?.trim();
  return text ? text : undefined;
}

export const decision: MailTemplate<DecisionData> = {
  subject: ({ publicId, status }) => `${publicId} ${WORDING[status].subject}`,

  text: (data) => {
    const w = WORDING[data.status];
    const note = comment(data);
    return [
      `${w.before} ${data.publicId} (${data.techniqueLabel})${w.after}.`,
      "",
      nextStep(data),
      "",
      ...(note ? ["The reviewer's comment:", quoteText(note), ""] : []),
      `View the observation: ${data.observationUrl}`,
      "",
    ].join("\n");
  },

  html: (data) => {
    const w = WORDING[data.status];
    const note = comment(data);
    return layout(
      `${data.publicId} ${w.subject}`,
      blocks(
        paragraph(markup`${w.before} <strong>${data.publicId}</strong> (${data.techniqueLabel})${w.after}.`),
        paragraph(nextStep(data)),
        note && paragraph("The reviewer's comment:"),
        note && quote(note),
        button(data.observationUrl, "View the observation"),
      ),
    );
  },
};
