import Link from "next/link";
import { LayerLink } from "@/app/components/layer-link";
import { throwPageError } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { MY_QUERY_MAX, MY_STATUSES, listMyObservations, type MyList } from "@/lib/observations/my-list";

export const dynamic = "force-dynamic";

type Params = { status?: string; q?: string; limit?: string; cursor?: string };

/** The list's URL for these parameters, so every view (filter, search, page) can be linked to. */
function hrefFor(params: Params): string {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return search ? `/my?${search}` : "/my";
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function MyObservationsPage(props: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await props.searchParams;
  const params: Params = { status: one(raw.status), q: one(raw.q), limit: one(raw.limit), cursor: one(raw.cursor) };
  const actor = await requireActor("observation:read-own", hrefFor(params));
  let list: MyList;
  try {
    list = await listMyObservations(actor, params, db());
  } catch (error) {
    // A filter or cursor the list cannot use is shown next to the list; any other refusal is the page's answer.
    if (!isAppError(error) || error.code !== "VALIDATION") throwPageError(error, hrefFor(params));
    return (
      <>
        <h1>My observations</h1>
        <p className="notice bad" role="status">
          {error.message} <Link href="/my">Show all my observations</Link>.
        </p>
      </>
    );
  }
  const status = params.status?.toUpperCase();
  const q = params.q?.trim() ?? "";
  const filtered = Boolean(status || q);
  const limit = params.limit;

  return (
    <>
      <h1>My observations</h1>
      <LayerLink whose="yours" />
      <nav className="filters" aria-label="Filter by status">
        <Link href={hrefFor({ q, limit })} aria-current={!status ? "page" : undefined}>
          All <span className="count">{list.total}</span>
        </Link>
        {MY_STATUSES.filter((s) => list.counts[s] > 0 || s === status).map((s) => (
          <Link key={s} href={hrefFor({ status: s, q, limit })} aria-current={s === status ? "page" : undefined}>
            {s.replace("_", " ").toLowerCase()} <span className="count">{list.counts[s]}</span>
          </Link>
        ))}
      </nav>
      <form className="row search" action="/my" method="get" role="search">
        {status && <input type="hidden" name="status" value={status} />}
        {limit && <input type="hidden" name="limit" value={limit} />}
        <div>
          <label htmlFor="my-q">Search</label>
          <input
            id="my-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MY_QUERY_MAX}
            placeholder="Words in the procedure, T1059, PowerShell…"
          />
        </div>
        <div className="search-buttons">
          <button type="submit">Search</button>
          {q && (
            <Link className="button secondary" href={hrefFor({ status, limit })}>
              Clear
            </Link>
          )}
        </div>
      </form>
      {list.items.length === 0 ? (
        <p className="panel empty">
          {filtered ? (
            <>
              Nothing matches{q ? ` “${q}”` : ""}
              {status ? ` among your ${status.replace("_", " ").toLowerCase()} observations` : ""}.{" "}
              <Link href="/my">Show all my observations</Link>.
            </>
          ) : params.cursor ? (
            <>
              No older observations. <Link href="/my">Back to the newest</Link>.
            </>
          ) : (
            <>
              Nothing yet. <Link href="/submit">Submit your first observation</Link>: what an adversary did, in your
              words; we anonymize it before anyone reads it.
            </>
          )}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Your observations" tabIndex={0}>
          <table className="my-list">
            <thead>
              <tr>
                <th>ID</th>
                <th>Technique</th>
                <th>Status</th>
                <th className="when">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/my/${o.id}`}>{o.id}</Link>
                  </td>
                  <td>{o.techniqueLabel}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td className="mono when">{(o.submittedAt ?? o.createdAt).slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="actions" aria-label="Pages">
        {params.cursor && (
          <Link className="button secondary" href={hrefFor({ status, q, limit })}>
            ← Newest
          </Link>
        )}
        {list.nextCursor && (
          <Link className="button secondary" href={hrefFor({ status, q, limit, cursor: list.nextCursor })} rel="next">
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
