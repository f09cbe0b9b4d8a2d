import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/app/components/markdown";
import { CitationNumbering, citationsFromStix, storedCitations } from "./references";

const SOFACY = {
  sourceName: "Palo Alto Sofacy 06-2018",
  description: "Lee, B., Falcone, R. (2018, June 06). Sofacy Group’s Parallel Attacks. Retrieved June 18, 2018.",
  url: "https://researchcenter.paloaltonetworks.com/2018/06/unit42-sofacy-groups-parallel-attacks/",
};

describe("CitationNumbering", () => {
  it("numbers sources in order of first citation; a repeated source keeps its number", () => {
    const n = new CitationNumbering([SOFACY]);
    expect(["B", SOFACY.sourceName, "B", " B ", "C"].map((name) => n.numberOf(name))).toEqual([1, 2, 1, 1, 3]);
    expect(n.references()).toEqual([
      { n: 1, sourceName: "B", description: undefined, url: undefined },
      { n: 2, ...SOFACY },
      { n: 3, sourceName: "C", description: undefined, url: undefined },
    ]);
  });

  it("keeps the first entry of a name, drops blank descriptions and any address that is not http(s)", () => {
    const n = new CitationNumbering([
      { sourceName: "A", description: "  ", url: "javascript:alert(1)" },
      { sourceName: "A", description: "second", url: "https://example.org" },
    ]);
    n.numberOf("A");
    expect(n.references()).toEqual([{ n: 1, sourceName: "A", description: undefined, url: undefined }]);
  });

  it("lists nothing until something is cited", () => {
    expect(new CitationNumbering([SOFACY]).references()).toEqual([]);
  });
});

describe("citationsFromStix", () => {
  it("maps ATT&CK's external_references and skips entries without a source name", () => {
    expect(
      citationsFromStix([
        { source_name: SOFACY.sourceName, description: SOFACY.description, url: SOFACY.url },
        { source_name: "mitre-attack", external_id: "T1059.001", url: "https://attack.mitre.org/techniques/T1059/001" },
        { description: "no name" },
        "junk",
        { source_name: "Bare" },
      ]),
    ).toEqual([
      SOFACY,
      { sourceName: "mitre-attack", url: "https://attack.mitre.org/techniques/T1059/001" },
      { sourceName: "Bare" },
    ]);
    expect(citationsFromStix(undefined)).toEqual([]);
  });

  it("reads stored citations back, dropping what is not one", () => {
    expect(storedCitations([SOFACY, { name: "x" }, null, "y"])).toEqual([SOFACY]);
    expect(storedCitations({})).toEqual([]);
  });
});

describe("MarkdownText", () => {
  const render = (text: string, citations?: Parameters<typeof MarkdownText>[0]["citations"]) =>
    renderToStaticMarkup(createElement(MarkdownText, { text, citations }));

  it("turns markers into superscript numbers that link to a numbered list with the citation texts", () => {
    const html = render(
      "[APT28](https://attack.mitre.org/groups/G0007) ran PowerShell.(Citation: Palo Alto Sofacy 06-2018)(Citation: Unknown 2020) Again.(Citation: Palo Alto Sofacy 06-2018) `(Citation: in code)`",
      [SOFACY],
    );
    const markers = [...html.matchAll(/<sup[^>]*><a href="#([^"]+)"[^>]*>\[(\d)\]<\/a><\/sup>/g)];
    expect(markers.map((m) => m[2])).toEqual(["1", "2", "1"]);
    // Each marker leads to its entry, and the entries carry the text (linked when an address is known) or the name.
    const anchors = [...html.matchAll(/<li id="([^"]+)" value="(\d)"/g)];
    expect(anchors.map((a) => a[2])).toEqual(["1", "2"]);
    expect(markers[0][1]).toBe(anchors[0][1]);
    expect(markers[1][1]).toBe(anchors[1][1]);
    expect(html).toContain(`<a href="${SOFACY.url}" rel="nofollow noopener noreferrer" target="_blank">Lee, B.`);
    expect(html).toMatch(/<li id="[^"]+" value="2" title="Unknown 2020">Unknown 2020<\/li>/);
    expect(html).toContain("<code>(Citation: in code)</code>");
    expect(html).not.toContain("(Citation: Palo Alto");
  });

  it("adds no list to a text without markers, and gives two texts on a page distinct anchors", () => {
    expect(render("plain *text*")).not.toContain("References");
    const page = renderToStaticMarkup(
      createElement("div", null, [
        createElement(MarkdownText, { key: 1, text: "a (Citation: X)" }),
        createElement(MarkdownText, { key: 2, text: "b (Citation: X)" }),
      ]),
    );
    const ids = [...page.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});
