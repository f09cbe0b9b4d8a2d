import Link from "next/link";
import { throwPageError } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { LayerLink } from "@/app/components/layer-link";
import { QueueCharts } from "@/app/components/charts/queue-charts";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { QUEUE_VIEWS, parseQueueParams, queueSearch, type QueueFilters } from "@/lib/review/queue-params";
import { queryQueue, type QueueResult } from "@/lib/review/queue-query";
import { can } from "@/lib/auth/permissions";
import { listAssignableReviewers } from "@/lib/review/assignees";
import { QueueFilterForm, valuesOf, type FilterValues } from "./queue-filters";
import { BulkBar, BulkSelection, RowCheckbox, SelectAllCheckbox } from "./queue-bulk";
import bulkStyles from "./queue-bulk.module.css";

export const dynamic = "force-dynamic";

type Raw = Record<string, string | string[] | undefined>;

function searchOf(raw: Raw): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  return params;
}

const label = (status: string) => status.replace("_", " ").toLowerCase();

export default async function QueuePage(props: { searchParams: Promise<Raw> }) {
  const params = searchOf(await props.searchParams);
  const here = `/queue${params.size ? `?${params}` : ""}`;
  const actor = await requireActor("observation:read-any", here);
  let filters: QueueFilters;
  let result: QueueResult;
  try {
    filters = parseQueueParams(params);
    result = await queryQueue(actor, filters, db());
  } catch (error) {
    // A filter or cursor the queue cannot use is shown above the form, with the values as typed to fix.
    if (!isAppError(error) || error.code !== "VALIDATION") throwPageError(error, here);
    const typed = Object.fromEntries(params) as FilterValues;
    return (
      <>
        <h1>Review queue</h1>
        <p className="notice bad" role="status">
          {error.message} <Link href="/queue">Show the whole queue</Link>.
        </p>
        <QueueFilterForm view={params.get("view") ?? "open"} values={typed} filtered />
      </>
    );
  }
  const { view, status } = filters;
  // Everything but view, status and cursor: the tabs and pager keep these.
  const kept: Partial<QueueFilters> = { ...filters, view, status: [], cursor: undefined };
  // Switching views starts from that view's own order (oldest first waiting, newest first decided).
  const link = (over: Partial<QueueFilters>, extra: Record<string, string | undefined> = {}) =>
    `/queue${queueSearch({ ...kept, ...(over.view && over.view !== view ? { sort: undefined } : {}), ...over }, extra)}`;
  const openTotal = QUEUE_VIEWS.open.reduce((sum, s) => sum + result.counts[s], 0);
  const decidedTotal = QUEUE_VIEWS.decided.reduce((sum, s) => sum + result.counts[s], 0);
  // Counts stop at QUEUE_COUNT_CAP: "1000+" says there are more.
  const more = (...statuses: readonly string[]) =>
    statuses.some((s) => (result.capped as readonly string[]).includes(s)) ? "+" : "";
  const values = valuesOf(filters);
  const filtered = Object.entries(values).some(([name, value]) => value !== undefined && name !== "sort");
  const one = status.length === 1 ? status[0] : undefined;
  // Bulk actions decide open work; the decided view has nothing they apply to.
  const bulk = view === "open" && can(actor, "observation:decide") && result.items.length > 0;
  const reviewers = bulk ? (await listAssignableReviewers(actor, db())).map((r) => r.email) : [];

  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">
        {view === "open" ? "Waiting for review" : "Decided: accepted, rejected, duplicate, published or withdrawn"},{" "}
        {filters.sort} first. Claim an observation before you edit or decide it. After a new ATT&amp;CK import, see{" "}
        <Link href="/queue/remap">what needs remapping</Link>.
      </p>
      <LayerLink whose="community" />
      <nav className="filters" aria-label="Queue views">
        <Link href={link({ view: "open" })} aria-current={view === "open" && !one ? "page" : undefined}>
          Open <span className="count">{`${openTotal}${more(...QUEUE_VIEWS.open)}`}</span>
        </Link>
        {QUEUE_VIEWS.open.map((s) => (
          <Link key={s} href={link({ view: "open", status: [s] })} aria-current={one === s ? "page" : undefined}>
            {label(s)} <span className="count">{`${result.counts[s]}${more(s)}`}</span>
          </Link>
        ))}
        <Link href={link({ view: "decided" })} aria-current={view === "decided" && !one ? "page" : undefined}>
          Decided <span className="count">{`${decidedTotal}${more(...QUEUE_VIEWS.decided)}`}</span>
        </Link>
        {view === "decided" &&
          QUEUE_VIEWS.decided.map((s) => (
            <Link key={s} href={link({ view: "decided", status: [s] })} aria-current={one === s ? "page" : undefined}>
              {label(s)} <span className="count">{`${result.counts[s]}${more(s)}`}</span>
            </Link>
          ))}
      </nav>
      {/* Keyed by the URL: after a client-side navigation (a tab, "Clear filters") the fields show the new values. */}
      <QueueFilterForm
        key={here}
        view={view}
        status={status.join(",") || undefined}
        values={values}
        filtered={filtered}
      />
      {view === "open" && !filtered && openTotal > 0 && <QueueCharts actor={actor} />}
      <p className="muted" role="status" data-testid="queue-total">
        {result.total === 0
          ? "Nothing matches."
          : `${result.items.length} shown of ${result.total}${more(...(status.length ? status : QUEUE_VIEWS[view]))} ${one ? label(one) : view === "open" ? "open" : "decided"}${
              filtered ? " matching the filters" : ""
            }.`}
      </p>
      {result.items.length === 0 ? (
        <p className="panel empty">
          {filters.cursor ? (
            <>
              No more observations. <Link href={link({ status })}>Back to the first page</Link>.
            </>
          ) : filtered ? (
            <>
              Nothing matches these filters. <Link href={link({ view, status: [] }, {})}>Keep the view</Link> or{" "}
              <Link href="/queue">show the whole queue</Link>.
            </>
          ) : view === "open" ? (
            "The queue is empty: nothing waits for review."
          ) : (
            "Nothing has been decided yet."
          )}
        </p>
      ) : (
        <BulkSelection items={bulk ? result.items.map((o) => ({ id: o.id, version: o.version })) : []}>
          <div className="table-scroll" role="region" aria-label="Review queue" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {/* The checkboxes sit in the ID column: its cells' text stays the id alone. */}
                  <th>
                    <span className={bulk ? bulkStyles.cell : undefined}>
                      {bulk && <SelectAllCheckbox />}
                      ID
                    </span>
                  </th>
                  <th>Technique</th>
                  <th>Actor</th>
                  <th>Status</th>
                  <th>{view === "open" ? "Waiting since" : "Decided"}</th>
                  <th>Reviewer</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <span className={bulk ? bulkStyles.cell : undefined}>
                        {bulk && <RowCheckbox id={o.id} />}
                        <Link href={`/queue/${o.id}`}>{o.id}</Link>
                      </span>
                    </td>
                    <td>{o.techniqueLabel}</td>
                    <td>{o.actorName}</td>
                    <td>
                      <StatusBadge status={o.status} />
                      {o.answered && <span className="status answered">answered</span>}
                    </td>
                    <td className="mono">
                      {(view === "open" ? (o.submittedAt ?? o.createdAt) : (o.decidedAt ?? o.createdAt)).slice(0, 10)}
                    </td>
                    <td>{o.assignee ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {bulk && <BulkBar reviewers={reviewers} />}
        </BulkSelection>
      )}
      <nav className="actions" aria-label="Pages">
        {filters.cursor && (
          <Link className="button secondary" href={link({ status })}>
            ← First page
          </Link>
        )}
        {result.nextCursor && (
          <Link className="button secondary" href={link({ status }, { cursor: result.nextCursor })} rel="next">
            Next page →
          </Link>
        )}
      </nav>
    </>
  );
}
