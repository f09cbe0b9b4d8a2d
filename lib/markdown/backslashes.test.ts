import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import { describe, expect, it } from "vitest";
import { keepBackslashes } from "./backslashes";

// What a reader sees: the renderer's HTML without its tags (entities decoded).
const shown = (text: string) =>
  renderToStaticMarkup(createElement(Markdown, null, keepBackslashes(text)))
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .trim();

describe("keepBackslashes", () => {
  it("shows Windows and UNC paths with placeholders exactly as typed", () => {
    expect(shown(String.raw`Dropped C:\Users\[USER-1]\AppData\Local\Temp\a.exe`)).toBe(
      String.raw`Dropped C:\Users\[USER-1]\AppData\Local\Temp\a.exe`,
    );
    expect(shown(String.raw`Copied to \\[HOST-1]\c$\Windows\Temp`)).toBe(
      String.raw`Copied to \\[HOST-1]\c$\Windows\Temp`,
    );
    expect(shown(String.raw`Ran HKCU\Software\*\Run`)).toBe(String.raw`Ran HKCU\Software\*\Run`);
  });

  it("leaves code spans and fences alone (markdown shows their backslashes as they are)", () => {
    expect(keepBackslashes("run `C:\\Users\\[USER-1]` then \\[x]")).toBe("run `C:\\Users\\[USER-1]` then \\\\[x]");
    expect(shown("run `C:\\Users\\[USER-1]` then \\[x]")).toBe("run C:\\Users\\[USER-1] then \\[x]");
    expect(shown("```\nC:\\Temp\\[HOST-1]\n```")).toBe("C:\\Temp\\[HOST-1]");
    expect(shown("a ``x ` y`` b \\*")).toBe("a x ` y b \\*");
  });
});
