// The audit log for admins (issue 9 item 7): every recorded write, newest first, filtered by action, person,
// subject and day, in pages. Read-only. A bad filter is shown beside the form, never a 500.
import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { auditActions, listAudit, parseAuditQuery, type AuditQuery } from "@/lib/audit/browse";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

const FILTERS = ["action", "actor", "subject", "from", "to"] as const;

function paramsOf(search: Search): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...FILTERS, "cursor"]) {
    const value = search[key];
    if (typeof value === "string" && value.trim()) params.set(key, value.trim());
  }
  return params;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("audit:read", "/audit");
  const params = paramsOf(await searchParams);
  let query: AuditQuery | null = null;
  let queryError: string | null = null;
  try {
    query = parseAuditQuery(params);
  } catch (error) {
    if (!isAppError(error)) throw error;
    queryError = error.message;
  }
  const [actions, page] = await loadPage("/audit", () =>
    Promise.all([auditActions(actor, db()), query ? listAudit(actor, query, db()) : null]),
  );
  const filters = new URLSearchParams(params);
  filters.delete("cursor");
  const next = page?.nextCursor ? `/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Every sign-in, role change, token, transition, edit, remap, purge and export, newest first. Events cannot be
        edited; a purge may only blank a leaked value inside one.
      </p>
      <form method="get" className="filters" aria-label="Filter the audit log">
        <label>
          Action
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person (e-mail, or &quot;system&quot;)
          <input name="actor" defaultValue={params.get("actor") ?? ""} autoComplete="off" />
        </label>
        <label>
          Subject (e.g. OBS-000012)
          <input name="subject" defaultValue={params.get("subject") ?? ""} autoComplete="off" />
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={params.get("from") ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={params.get("to") ?? ""} />
        </label>
        <button type="submit" className="shrink">
          Filter
        </button>
        <Link href="/audit">Clear</Link>
      </form>
      {queryError && (
        <p className="notice bad" role="alert">
          {queryError}
        </p>
      )}
      {page && page.items.length === 0 && <p className="panel empty">No event matches these filters.</p>}
      {page && page.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table>
            <caption id="audit-caption">Audit events{params.get("cursor") ? " (later page)" : ""}</caption>
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>Who</th>
                <th>Action</th>
                <th>Subject</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td className="mono nowrap">{e.at.slice(0, 19).replace("T", " ")}</td>
                  <td>{e.actor ?? "system"}</td>
                  <td className="mono">{e.action}</td>
                  <td>
                    {e.subjectType === "Observation" ? (
                      <Link href={`/queue/${e.subjectId}`}>{e.subjectId}</Link>
                    ) : (
                      `${e.subjectType} ${e.subjectLabel}`
                    )}
                  </td>
                  <td className="mono">{detailsText(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className="row">
        {params.get("cursor") && <Link href={`/audit?${filters}`}>First page</Link>}
        {next && <Link href={next}>Next page</Link>}
      </nav>
    </>
  );
}

/** `{from: "T1086", to: "T1059.001"}` → `from=T1086 to=T1059.001`: short, and never raw JSON braces. */
function detailsText(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
}
