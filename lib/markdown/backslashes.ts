// Markdown treats a backslash before punctuation as an escape: `C:\Users\[USER-1]\AppData` would show as
// `C:\Users[USER-1]\AppData`, and a UNC path `\\[HOST-1]\share` would lose a backslash. Procedures are full of
// Windows paths next to our `[PLACEHOLDER]`s, so outside code every backslash is shown as typed (markdown's own
// escapes are given up: a contributor who wants a literal `*` or `_` writes it in `code`). Pure: runs on the server
// and in the browser.

// A code span or fence: a run of backticks, anything, then the same run (CommonMark's rule, closely enough).
const CODE = /(`+)[\s\S]*?[^`]\1(?!`)/g;

/** The text with each backslash outside code doubled, so the renderer shows exactly what was typed. */
export function keepBackslashes(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    out += text.slice(last, match.index).replaceAll("\\", "\\\\") + match[0];
    last = match.index + match[0].length;
  }
  return out + text.slice(last).replaceAll("\\", "\\\\");
}
