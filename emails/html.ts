// Tiny HTML helpers for the mail templates. Every interpolated value is escaped unless it is already
// SafeHtml built by these helpers, so a reviewer's comment can never inject markup into a mail.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Tagged template: markup`<p>${text}</p>` escapes `text`; nested markup fragments pass through.
 * (Not named `html`: Prettier would reformat the literals, adding whitespace that pre-wrap shows.)
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

/** Links in mails must be absolute http(s): a `javascript:` href would survive escaping. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Mail links must be http(s), got ${parsed.protocol}`);
  }
  return url;
}
