import Link from "next/link";
import { StatusBadge } from "@/app/components/observation-summary";
import type { ContributorHome } from "@/lib/home/contributor";
import { MY_STATUSES } from "@/lib/observations/my-list";

function ObservationTable({ items, caption }: { items: ContributorHome["latest"]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="my-list">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th>ID</th>
            <th>Technique</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <Link href={`/my/${o.id}`}>{o.id}</Link>
              </td>
              <td>
                <span className="mono">{o.technique.id}</span> {o.techniqueName}
              </td>
              <td>
                <StatusBadge status={o.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every signed-in role contributes: questions waiting for an answer first, then the latest work. */
export function ContributorSection({ home, title }: { home: ContributorHome; title: string }) {
  return (
    <section className="panel" aria-labelledby="home-own">
      <h2 id="home-own">{title}</h2>
      {home.waiting.length > 0 && (
        <div className="notice" role="status">
          <p>
            <strong>
              {home.counts.NEEDS_INFO === 1
                ? "A reviewer asked you a question."
                : `Reviewers asked you ${home.counts.NEEDS_INFO} questions.`}
            </strong>{" "}
            Open it to answer or edit; it goes back to the queue when you do.
          </p>
          <ObservationTable items={home.waiting} caption="Waiting for your answer" />
        </div>
      )}
      {home.total === 0 ? (
        <p>
          Nothing yet: describe what an adversary did, in your words. Customer identifiers are replaced before anything
          is stored.
        </p>
      ) : (
        <>
          <nav className="filters" aria-label="Your observations by status">
            <Link href="/my">
              All <span className="count">{home.total}</span>
            </Link>
            {MY_STATUSES.filter((s) => home.counts[s] > 0).map((s) => (
              <Link key={s} href={`/my?status=${s}`}>
                {s.replace("_", " ").toLowerCase()} <span className="count">{home.counts[s]}</span>
              </Link>
            ))}
          </nav>
          <ObservationTable items={home.latest} caption="Latest" />
        </>
      )}
      <div className="actions">
        <Link className="button" href="/submit">
          New observation
        </Link>
        {home.total > 0 && (
          <Link className="button secondary" href="/my">
            All my observations
          </Link>
        )}
      </div>
    </section>
  );
}
