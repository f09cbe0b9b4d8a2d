// ATT&CK's descriptions mix markdown with HTML `<code>` tags (5,238 of them in Enterprise 18.1). The renderer
// (app/components/markdown.tsx) shows raw HTML as text, by design, so those tags would read as
// "<code>Start-Process</code>": they become markdown code spans instead, which render as code. Nothing else
// changes; other tags (a handful of <b> and <br>) stay text. Pure.

const CODE_TAG = /<code>([\s\S]*?)<\/code>/gi;

/** `<code>x</code>` → a markdown code span with a fence longer than any backtick run inside. */
export function attackMarkdown(text: string): string {
  return text.replace(CODE_TAG, (_, inner: string) => {
    if (inner.trim() === "") return inner;
    const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    // A span that starts or ends with a backtick needs a space inside the fence (CommonMark strips one).
    const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
    return `${fence}${pad}${inner}${pad}${fence}`;
  });
}
