// Closing the loop: tells a contributor that a newer ATT&CK version took their exported observation (its (actor,
// technique) pair now cites one of its references or its /o/ record). Sent once per observation
// (lib/releases/upstream.ts). Names the observation, never its text (mail leaves the platform).
import { markup, safeUrl } from "./html";
import { blocks, button, layout, paragraph, type MailTemplate } from "./template";

export interface UpstreamData {
  publicId: string;
  /** The ATT&CK version that took it, e.g. "18.1". */
  version: string;
  /** e.g. "T1059.001 Command and Scripting Interpreter: PowerShell". */
  techniqueLabel: string;
  /** e.g. "G0007 APT28". */
  actorLabel: string;
  /** The technique's page on attack.mitre.org, where the procedure example is listed (when the catalog has one). */
  attackUrl?: string;
  observationUrl: string;
}

const subject = (d: UpstreamData) => `Your observation ${d.publicId} is in ATT&CK v${d.version}`;

export const upstream: MailTemplate<UpstreamData> = {
  subject,

  text: (d) =>
    [
      `Your observation ${d.publicId} is in ATT&CK v${d.version}.`,
      "",
      `ATT&CK v${d.version} lists ${d.actorLabel} using ${d.techniqueLabel} and cites your observation's source: the ATT&CK team took your contribution.`,
      "",
      ...(d.attackUrl ? [`See it in ATT&CK: ${d.attackUrl}`] : []),
      `View your observation: ${d.observationUrl}`,
      "",
      "Thank you for contributing.",
      "",
    ].join("\n"),

  html: (d) =>
    layout(
      subject(d),
      blocks(
        paragraph(
          markup`Your observation <strong>${d.publicId}</strong> is in <strong>ATT&amp;CK v${d.version}</strong>.`,
        ),
        paragraph(
          markup`ATT&amp;CK v${d.version} lists ${d.actorLabel} using ${d.techniqueLabel} and cites your observation's source: the ATT&amp;CK team took your contribution.`,
        ),
        d.attackUrl &&
          paragraph(
            markup`See it in ATT&amp;CK: <a href="${safeUrl(d.attackUrl)}" style="color:#1f6feb;">${d.attackUrl}</a>`,
          ),
        button(d.observationUrl, "View your observation"),
        paragraph("Thank you for contributing.", true),
      ),
    ),
};
