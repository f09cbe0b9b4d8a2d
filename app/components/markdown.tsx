// Procedures are markdown, as ATT&CK's own examples are: links, inline code, lists and `(Citation: X)`
// markers. Rendered with react-markdown, which builds React elements (no innerHTML) and shows raw HTML
// as text, so `<script>` or `<img onerror>` in a procedure is only ever displayed. No "use client": the
// same component renders in server pages and in the submit form. What must stay true: no raw HTML, no
// images, links only to http(s) addresses (and the text's own reference anchors).
import { useId, type ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import { keepBackslashes } from "@/lib/markdown/backslashes";
import { httpOnly } from "@/lib/markdown/links";
import { splitCitations } from "@/lib/markdown/citations";
import { CitationNumbering, type Citation, type NumberedReference } from "@/lib/markdown/references";
import styles from "./markdown.module.css";

function Link({ href, children }: ComponentProps<"a">) {
  if (!href) return <>{children}</>;
  // Contributors' links lead off-site: no referrer, no opener, no ranking credit.
  return (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}

// The anchor of reference n in this text: several texts share a page, so each has its own prefix.
const refAnchor = (prefix: string, n: number) => `${prefix}-ref-${n}`;

// Headings in a procedure are emphasis, not page structure: they render as paragraphs. A citation marker
// arrives as <sup data-cite="n" title="source">: its link is built here, past urlTransform (which keeps
// http(s) only); markdown itself cannot produce a <sup>.
function componentsFor(prefix: string): Components {
  return {
    a: ({ node: _node, ...props }) => <Link {...props} />,
    sup: ({ node: _node, children, ...props }) => {
      const n = Number((props as Record<string, unknown>)["data-cite"]);
      if (!n) return <sup>{children}</sup>;
      return (
        <sup className={styles.marker}>
          <a href={`#${refAnchor(prefix, n)}`} title={props.title}>
            [{n}]
          </a>
        </sup>
      );
    },
    h1: "p",
    h2: "p",
    h3: "p",
    h4: "p",
    h5: "p",
    h6: "p",
  };
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

// A remark plugin: each `(Citation: X)` in running text becomes a numbered marker (code is left as written).
// Numbers are handed out in document order, which is the order this walk meets the markers.
function remarkCitations(numbering: CitationNumbering) {
  return (tree: MdNode) => {
    const visit = (node: MdNode) => {
      if (!node.children) return;
      node.children = node.children.flatMap((child): MdNode[] => {
        if (child.type !== "text" || !child.value?.includes("(Citation:")) {
          visit(child);
          return [child];
        }
        return splitCitations(child.value).map((part) =>
          part.type === "text"
            ? { type: "text", value: part.value }
            : {
                type: "text",
                value: "",
                data: {
                  hName: "sup",
                  hProperties: { dataCite: numbering.numberOf(part.name), title: part.name },
                  hChildren: [],
                },
              },
        );
      });
    };
    visit(tree);
  };
}

function References({ prefix, references }: { prefix: string; references: NumberedReference[] }) {
  return (
    <div className={styles.references}>
      <p className={styles.title}>References</p>
      <ol>
        {references.map((r) => (
          <li key={r.n} id={refAnchor(prefix, r.n)} value={r.n} title={r.sourceName}>
            {r.url ? <Link href={r.url}>{r.description ?? r.sourceName}</Link> : (r.description ?? r.sourceName)}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * A text with its `(Citation: X)` markers as numbers [1], [2] (one per source) and, under it, the numbered
 * references: each source's citation text and address from `citations` when known, else its name alone.
 */
export function MarkdownText({ text, testId, citations }: { text: string; testId?: string; citations?: Citation[] }) {
  // useId is unique per rendered instance and stable between server and browser; only its letters and digits
  // are kept, so the anchor is a plain fragment.
  const prefix = `md${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const numbering = new CitationNumbering(citations);
  // Called as a function, not as <Markdown/>: it renders synchronously, so the numbers the plugin handed out
  // are known before the list is rendered.
  const body = Markdown({
    children: keepBackslashes(text),
    components: componentsFor(prefix),
    disallowedElements: ["img"],
    remarkPlugins: [[remarkCitations, numbering]],
    skipHtml: false,
    urlTransform: httpOnly,
  });
  const references = numbering.references();
  return (
    <div className="markdown" data-testid={testId}>
      {body}
      {references.length > 0 && <References prefix={prefix} references={references} />}
    </div>
  );
}
