import type { Metadata } from "next";
import Link from "next/link";
import { ERROR_DESCRIPTIONS, openApiDocument } from "@/lib/http/openapi";
import { referenceView, type FieldRow, type OperationView } from "@/lib/http/openapi-view";
import styles from "./api-reference.module.css";

export const metadata: Metadata = { title: "API reference · Procedure Exchange" };

// Public, like the document it renders (GET /api/v1/openapi.json): it describes the API and shows no data.
// Rendered on the server from the document; no client script.
export default function ApiReferencePage() {
  const tags = referenceView(openApiDocument());
  return (
    <>
      <h1>API reference</h1>
      <p>
        JSON under <code>/api/v1</code>. Send a personal API token as <code>Authorization: Bearer &lt;token&gt;</code>{" "}
        (create one on your <Link href="/profile">profile</Link>), or use the session cookie from a page of this site.
        The machine-readable document: <a href="/api/v1/openapi.json">OpenAPI 3.1 (openapi.json)</a>.
      </p>
      <nav aria-label="API sections" className={styles.toc}>
        <ul>
          <li>
            <a href="#errors">Errors</a>
          </li>
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#${tag.name.toLowerCase()}`}>{tag.name}</a>{" "}
              <span className="muted">({tag.operations.length})</span>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p className="muted">
          Every error is <code>{"{ error: { code, message, issues? } }"}</code> with one of these statuses; the message
          says what was wrong and how to fix it.
        </p>
        <dl className={`panel ${styles.responses} ${styles.errors}`}>
          {Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => (
            <div key={status} id={`error-${status}`}>
              <dt className="mono">{status}</dt>
              <dd>
                <Text text={description} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={tag.name.toLowerCase()}>
          <h2 id={tag.name.toLowerCase()}>{tag.name}</h2>
          <p className="muted">{tag.description}</p>
          {tag.operations.map((op) => (
            <Operation key={op.id} op={op} />
          ))}
        </section>
      ))}
    </>
  );
}

function Operation({ op }: { op: OperationView }) {
  return (
    <article className={`panel ${styles.operation}`} aria-labelledby={op.id} data-testid={op.id}>
      <h3 id={op.id} className={styles.signature}>
        <span className={`${styles.method} ${styles[op.method]}`}>{op.method}</span>{" "}
        <code className={styles.path}>{op.path}</code>
      </h3>
      <p>
        <strong>{op.summary}.</strong> {op.description && <Text text={op.description} />}
        {op.public && <span className="muted"> No authentication.</span>}
      </p>
      {op.parameters.length > 0 && <Fields title="Parameters" rows={op.parameters} />}
      {op.body.length > 0 && <Fields title="Body (JSON)" rows={op.body} />}
      <h4>Responses</h4>
      <dl className={styles.responses}>
        {op.responses.map((r) => (
          <div key={r.status}>
            <dt className="mono">{r.status}</dt>
            <dd>
              <Text text={r.description} />
            </dd>
          </div>
        ))}
        {op.errors.length > 0 && (
          <div>
            <dt>Errors</dt>
            <dd>
              {op.errors.map((status, i) => (
                <span key={status}>
                  {i > 0 && ", "}
                  <a href={`#error-${status}`}>{status}</a>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

function Fields({ title, rows }: { title: string; rows: (FieldRow & { in?: string })[] }) {
  return (
    <>
      <h4>{title}</h4>
      <dl className={styles.fields}>
        {rows.map((row) => (
          <div key={`${row.in ?? ""} ${row.name}`}>
            <dt>
              <code>{row.name}</code>
              {row.in && <span className="muted"> in {row.in}</span>}
              {row.required && <span className={styles.required}> required</span>}
            </dt>
            <dd>
              <Text text={row.type} />
              {row.description && (
                <>
                  . <Text text={row.description} />
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Our own descriptions mark code with backticks (as OpenAPI's CommonMark does); nothing else is interpreted. */
function Text({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}
