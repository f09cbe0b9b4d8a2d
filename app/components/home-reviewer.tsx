import Link from "next/link";
import { StatusBadge } from "@/app/components/observation-summary";
import type { HomeItem, ReviewerHome } from "@/lib/home/reviewer";
import { QUEUE_STATUSES } from "@/lib/review/queue";

const days = (n: number) => (n === 0 ? "today" : n === 1 ? "1 day" : `${n} days`);

function QueueTable({ items, caption, status }: { items: HomeItem[]; caption: string; status?: boolean }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="my-list">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th>ID</th>
            <th>Technique</th>
            {status && <th>Status</th>}
            <th>Waiting</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <Link href={`/queue/${o.id}`}>{o.id}</Link>
              </td>
              <td>
                <span className="mono">{o.techniqueId}</span> {o.techniqueName}
              </td>
              {status && (
                <td>
                  <StatusBadge status={o.status} />
                </td>
              )}
              <td className="nowrap">
                <time dateTime={o.since}>{days(o.ageDays)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reviewers and admins: the queue in numbers, what they claimed, and what has waited longest. */
export function ReviewerSection({ home }: { home: ReviewerHome }) {
  return (
    <section className="panel" aria-labelledby="home-review">
      <h2 id="home-review">Review</h2>
      <nav className="filters" aria-label="Queue by status">
        {QUEUE_STATUSES.map((s) => (
          <Link key={s} href="/queue">
            {s.replace("_", " ").toLowerCase()} <span className="count">{home.counts[s]}</span>
          </Link>
        ))}
      </nav>
      {home.claimed.length > 0 ? (
        <>
          <QueueTable items={home.claimed} caption="Claimed by you" status />
          {home.claimedTotal > home.claimed.length && (
            <p className="muted">
              The {home.claimed.length} waiting longest of {home.claimedTotal.toLocaleString("en")}:{" "}
              <Link href="/queue?mine=1">all you have claimed, in the queue</Link>.
            </p>
          )}
        </>
      ) : (
        <p className="muted">
          You have claimed nothing: claim an observation in the queue before you edit or decide it.
        </p>
      )}
      {home.oldest.length > 0 ? (
        <QueueTable items={home.oldest} caption="Submitted, waiting longest for a reviewer" />
      ) : (
        <p className="muted">No submission is waiting for a reviewer.</p>
      )}
      <div className="actions">
        <Link className="button" href="/queue">
          Open the review queue
        </Link>
      </div>
    </section>
  );
}
