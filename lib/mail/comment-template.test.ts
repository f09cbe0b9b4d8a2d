// The shared-comment mail, rendered without a transport.
import { describe, expect, it } from "vitest";
import { templates } from "../../emails";

describe("comment", () => {
  const data = {
    publicId: "OBS-000042",
    from: "reviewer" as const,
    body: "Was it [HOST-1]?\n<b>or</b> [USER-1]",
    url: "https://pe.example/my/OBS-000042",
  };

  it("quotes the comment line by line in text and escaped in HTML, with the recipient's link", () => {
    const t = templates.comment;
    expect(t.subject(data)).toBe("OBS-000042: a reviewer commented");
    expect(t.text(data)).toContain("A reviewer commented on your observation OBS-000042:");
    expect(t.text(data)).toContain("> Was it [HOST-1]?\n> <b>or</b> [USER-1]");
    expect(t.text(data)).toContain("https://pe.example/my/OBS-000042");
    const html = t.html(data);
    expect(html).toContain("&lt;b&gt;or&lt;/b&gt;");
    expect(html).not.toContain("<b>or</b>");
    expect(html).toContain('href="https://pe.example/my/OBS-000042"');
  });

  it("names the contributor when they wrote it", () => {
    const t = templates.comment;
    const theirs = { ...data, from: "contributor" as const, url: "https://pe.example/queue/OBS-000042" };
    expect(t.subject(theirs)).toBe("OBS-000042: the contributor commented");
    expect(t.text(theirs)).toContain("The contributor commented on OBS-000042:");
  });
});
