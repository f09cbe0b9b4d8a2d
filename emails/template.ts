// The shape every template shares, and the HTML frame around each message. Styles are inline and
// there are no images or web fonts: many mail clients strip <style> and block remote content.
import { markup, SafeHtml, safeUrl } from "./html";

export interface MailTemplate<D> {
  subject(data: D): string;
  /** Complete on its own: clients that show only text must get every fact and link. */
  text(data: D): string;
  html(data: D): string;
}

export const PRODUCT_NAME = "Procedure Exchange";

// System fonts only, unquoted so the attribute needs no escaping.
const FONT = "-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif";

export function layout(title: string, body: SafeHtml): string {
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
</head>
<body style="margin:0;padding:24px 12px;background:#f4f5f7;font-family:${FONT};color:#1f2328;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;">
<tr><td style="padding:24px;font-size:15px;line-height:1.5;">
<p style="margin:0 0 16px;font-size:13px;font-weight:600;color:#57606a;">${PRODUCT_NAME}</p>
${body}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`.value;
}

/** Joins blocks of a message body, one per line. */
export function blocks(...parts: (SafeHtml | false | "" | null | undefined)[]): SafeHtml {
  return new SafeHtml(
    parts
      .filter((p): p is SafeHtml => p instanceof SafeHtml)
      .map((p) => p.value)
      .join("\n"),
  );
}

export function paragraph(content: SafeHtml | string, muted = false): SafeHtml {
  const color = muted ? "#57606a" : "#1f2328";
  return markup`<p style="margin:0 0 16px;color:${color};">${content}</p>`;
}

const BUTTON_STYLE =
  "display:inline-block;padding:10px 18px;background:#1f6feb;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;";

/** A link styled as a button, with the URL repeated as text for clients that hide buttons. */
export function button(url: string, label: string): SafeHtml {
  const href = safeUrl(url);
  return blocks(
    markup`<p style="margin:0 0 16px;"><a href="${href}" style="${BUTTON_STYLE}">${label}</a></p>`,
    markup`<p style="margin:0 0 16px;font-size:13px;color:#57606a;word-break:break-all;">Or open: <a href="${href}" style="color:#1f6feb;">${url}</a></p>`,
  );
}

const QUOTE_STYLE = "margin:0 0 16px;padding:8px 12px;border-left:4px solid #d0d7de;white-space:pre-wrap;";

/** A reviewer's words as written: pre-wrap keeps their line breaks, so no <br> is built from input. */
export function quote(text: string): SafeHtml {
  // Keep on one line: any whitespace inside the element would show.
  return markup`<blockquote style="${QUOTE_STYLE}">${text}</blockquote>`;
}

/** Plain-text counterpart of quote(): each line prefixed with "> ". */
export function quoteText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
}
