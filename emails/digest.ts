// A reviewer's daily or weekly digest of the review queue (lib/review/digest.ts). It names observations by id,
// technique, actor, status and age only: never their text, never who contributed them (mail leaves the platform).
import type { DigestContent, DigestItem } from "../lib/review/digest-rules";
import { markup, safeUrl, type SafeHtml } from "./html";
import { blocks, button, layout, paragraph, type MailTemplate } from "./template";

export type DigestData = DigestContent;

const WORD = { DAILY: "daily", WEEKLY: "weekly" } as const;

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const status = (s: string) => s.toLowerCase().replace("_", " ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function queueLine({ counts }: DigestData): string {
  const o = counts.open;
  return `The queue now: ${o.SUBMITTED} submitted, ${o.IN_REVIEW} in review, ${o.NEEDS_INFO} waiting for the contributor.`;
}

function sinceLine({ counts, since }: DigestData): string {
  const d = counts.decided;
  return (
    `Since ${when(since)}: ${plural(counts.newSubmitted, "new submission")}; ` +
    `${d.ACCEPTED} accepted, ${d.REJECTED} rejected, ${plural(d.DUPLICATE, "duplicate")}.`
  );
}

function assignedLine({ counts, assigned }: DigestData): string {
  const answered = assigned.filter((i) => i.answered).length;
  const more = counts.assigned > assigned.length ? ` (the first ${assigned.length} below)` : "";
  const note = answered ? `, ${answered} answered by the contributor` : "";
  return `Waiting for you: ${counts.assigned}${note}${more}.`;
}

function why(d: DigestData): string {
  return `You get this because you chose a ${WORD[d.period]} digest on your profile.`;
}

/** "OBS-000012 · T1059.001 PowerShell · APT29 · submitted · answered · waiting 3 days" */
function itemLine(i: DigestItem): string {
  return [
    i.id,
    i.techniqueLabel,
    i.actorName,
    status(i.status),
    ...(i.answered ? ["answered"] : []),
    `waiting ${i.age}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

function itemsText(items: DigestItem[]): string[] {
  return items.flatMap((i) => [`  - ${itemLine(i)}`, `    ${i.url}`]);
}

const LIST_STYLE = "margin:0 0 16px;padding-left:20px;";
const LINK_STYLE = "color:#1f6feb;font-weight:600;";

function itemsHtml(items: DigestItem[]): SafeHtml {
  const rows = items.map(
    (i) =>
      markup`<li style="margin:0 0 6px;"><a href="${safeUrl(i.url)}" style="${LINK_STYLE}">${i.id}</a> ${i.techniqueLabel} · ${i.actorName} · ${status(i.status)}${i.answered ? markup` · <strong>answered</strong>` : ""} · waiting ${i.age}</li>`,
  );
  return markup`<ul style="${LIST_STYLE}">${rows}</ul>`;
}

export const digest: MailTemplate<DigestData> = {
  subject: (d) =>
    `Your ${WORD[d.period]} review digest: ${d.counts.assigned} waiting for you, ${
      d.counts.open.SUBMITTED + d.counts.open.IN_REVIEW + d.counts.open.NEEDS_INFO
    } open`,

  text: (d) =>
    [
      `Your ${WORD[d.period]} review digest.`,
      "",
      assignedLine(d),
      ...itemsText(d.assigned),
      "",
      queueLine(d),
      sinceLine(d),
      "",
      ...(d.oldest.length ? ["Waiting longest:", ...itemsText(d.oldest), ""] : []),
      `Open the queue: ${d.queueUrl}`,
      "",
      `${why(d)} Change or turn it off: ${d.profileUrl}`,
      "",
    ].join("\n"),

  html: (d) =>
    layout(
      `Your ${WORD[d.period]} review digest`,
      blocks(
        paragraph(markup`<strong>${assignedLine(d)}</strong>`),
        d.assigned.length > 0 && itemsHtml(d.assigned),
        paragraph(queueLine(d)),
        paragraph(sinceLine(d)),
        d.oldest.length > 0 && paragraph("Waiting longest:"),
        d.oldest.length > 0 && itemsHtml(d.oldest),
        button(d.queueUrl, "Open the queue"),
        paragraph(
          markup`${why(d)} <a href="${safeUrl(d.profileUrl)}" style="color:#1f6feb;">Change or turn it off</a>.`,
          true,
        ),
      ),
    ),
};
