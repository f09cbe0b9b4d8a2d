// The "assigned to you" mail (lib/review: assign, single or bulk), rendered without a transport.
import { describe, expect, it } from "vitest";
import { templates } from "../../emails";

const item = (n: number) => ({ publicId: `OBS-00000${n}`, reviewUrl: `https://pe.example/queue/OBS-00000${n}` });

describe("assigned", () => {
  const t = templates.assigned;

  it("names one observation with its link, and quotes the reason escaped", () => {
    const data = { items: [item(1)], reason: "You know <b>APT28</b>." };
    expect(t.subject(data)).toBe("OBS-000001 assigned to you for review");
    expect(t.text(data)).toContain("https://pe.example/queue/OBS-000001");
    expect(t.text(data)).toContain("> You know <b>APT28</b>.");
    const html = t.html(data);
    expect(html).toContain('href="https://pe.example/queue/OBS-000001"');
    expect(html).toContain("&lt;b&gt;APT28&lt;/b&gt;");
    expect(html).not.toContain("<b>APT28</b>");
  });

  it("lists a batch in one mail, and says nothing of a reason when none was given", () => {
    const data = { items: [item(1), item(2)] };
    expect(t.subject(data)).toBe("2 observations assigned to you for review");
    expect(t.text(data)).toContain("- OBS-000002: https://pe.example/queue/OBS-000002");
    expect(t.text(data)).not.toContain("reason");
    expect(t.html(data)).toContain('<a href="https://pe.example/queue/OBS-000002"');
  });
});
