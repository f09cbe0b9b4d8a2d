// The receipt and the answered-question mails, rendered without a transport.
import { describe, expect, it } from "vitest";
import { templates } from "../../emails";
import { tlpMeaning } from "../observations/tlp";

describe("receipt", () => {
  const data = {
    publicId: "OBS-000042",
    techniqueLabel: "T1059.001 PowerShell",
    tlp: "AMBER",
    tlpMeaning: tlpMeaning("AMBER"),
    observationUrl: "https://pe.example/my/OBS-000042",
  };

  it("names the observation, technique, TLP and its meaning, and links to /my/<id> in text and HTML", () => {
    const t = templates.receipt;
    expect(t.subject(data)).toBe("OBS-000042 received");
    for (const body of [t.text(data), t.html(data)]) {
      expect(body).toContain("OBS-000042");
      expect(body).toContain("T1059.001 PowerShell");
      expect(body).toContain("TLP:AMBER");
      expect(body).toContain("Reviewers only (and you)");
      expect(body).toContain("https://pe.example/my/OBS-000042");
    }
  });

  it("escapes what it interpolates into HTML", () => {
    const html = templates.receipt.html({ ...data, techniqueLabel: "<script>x</script>" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("answered", () => {
  const data = {
    publicId: "OBS-000042",
    answer: "It ran on [HOST-1].\n<b>as</b> [USER-1]",
    reviewUrl: "https://pe.example/queue/OBS-000042",
  };

  it("quotes the answer line by line in text and escaped in HTML, with the reviewer's link", () => {
    const t = templates.answered;
    expect(t.subject(data)).toBe("OBS-000042: the contributor answered your question");
    expect(t.text(data)).toContain("> It ran on [HOST-1].\n> <b>as</b> [USER-1]");
    expect(t.text(data)).toContain("https://pe.example/queue/OBS-000042");
    const html = t.html(data);
    expect(html).toContain("&lt;b&gt;as&lt;/b&gt;");
    expect(html).not.toContain("<b>as</b>");
    expect(html).toContain('href="https://pe.example/queue/OBS-000042"');
  });
});
