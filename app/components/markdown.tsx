// Procedures are markdown, as ATT&CK's own examples are: links, inline code, lists and `(Citation: X)`
// markers. Rendered with react-markdown, which builds React elements (no innerHTML) and shows raw HTML
// as text, so `<script>` or `<img onerror>` in a procedure is only ever displayed. No "use client": the
// same component renders in server pages and in the submit form. What must stay true: no raw HTML, no
// images, links only to http(s) addresses.
import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import { keepBackslashes } from "@/lib/markdown/backslashes";
import { httpOnly } from "@/lib/markdown/links";
import { splitCitations } from "@/lib/markdown/citations";

function Link({ href, children }: ComponentProps<"a">) {
  if (!href) return <>{children}</>;
  // Contributors' links lead off-site: no referrer, no opener, no ranking credit.
  return (
    <a href={href} rel="nofollow noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}

// Headings in a procedure are emphasis, not page structure: they render as paragraphs.
const components: Components = {
  a: ({ node: _node, ...props }) => <Link {...props} />,
  h1: "p",
  h2: "p",
  h3: "p",
  h4: "p",
  h5: "p",
  h6: "p",
};

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

// A remark plugin: each `(Citation: X)` in running text becomes a small muted "[X]" (code is left as written).
function remarkCitations() {
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
                value: `[${part.name}]`,
                data: { hName: "span", hProperties: { className: ["citation"], title: `Citation: ${part.name}` } },
              },
        );
      });
    };
    visit(tree);
  };
}

export function MarkdownText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="markdown" data-testid={testId}>
      <Markdown
        components={components}
        disallowedElements={["img"]}
        remarkPlugins={[remarkCitations]}
        skipHtml={false}
        urlTransform={httpOnly}
      >
        {keepBackslashes(text)}
      </Markdown>
    </div>
  );
}
