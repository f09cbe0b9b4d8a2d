// The queue's filter form: a plain GET form, so every filtered view is a link people can share. The view and
// status tabs travel as hidden fields; a new filter starts again from the first page (no cursor).
import Link from "next/link";
import { ATTACK_DOMAINS } from "@/lib/attack/bundle-domain";
import { QUEUE_AGE_MAX_DAYS, queueSearch, type QueueFilters } from "@/lib/review/queue-params";
import styles from "./queue-filters.module.css";

/** What the form shows: the parsed filters, or the raw values when they did not parse (so people can fix them). */
export type FilterValues = Partial<Record<keyof QueueFilters, string>>;

export function valuesOf(filters: QueueFilters): FilterValues {
  return {
    domain: filters.domain,
    tactic: filters.tactic,
    technique: filters.technique,
    actor: filters.actor,
    assignee: filters.assignee,
    unassigned: filters.unassigned ? "1" : undefined,
    olderThan: filters.olderThan?.toString(),
    needsRemapping: filters.needsRemapping ? "1" : undefined,
    duplicates: filters.duplicates ? "1" : undefined,
    sort: filters.sort,
  };
}

export function QueueFilterForm(props: { view: string; status?: string; values: FilterValues; filtered: boolean }) {
  const v = props.values;
  return (
    <form className={styles.form} action="/queue" method="get" role="search" aria-label="Filter the queue">
      {props.view === "decided" && <input type="hidden" name="view" value="decided" />}
      {props.status && <input type="hidden" name="status" value={props.status} />}
      <fieldset className={styles.fields}>
        <legend>Filters</legend>
        <div>
          <label htmlFor="q-technique">Technique</label>
          <input id="q-technique" name="technique" defaultValue={v.technique} placeholder="T1059 or T1059.001" />
        </div>
        <div>
          <label htmlFor="q-tactic">Tactic</label>
          <input id="q-tactic" name="tactic" defaultValue={v.tactic} placeholder="TA0005 or defense-evasion" />
        </div>
        <div>
          <label htmlFor="q-actor">Actor</label>
          <input id="q-actor" name="actor" defaultValue={v.actor} placeholder="G0007, S0154, C0022" />
        </div>
        <div>
          <label htmlFor="q-assignee">Reviewer</label>
          <input id="q-assignee" name="assignee" defaultValue={v.assignee} placeholder="e-mail, or me" />
        </div>
        <div>
          <label htmlFor="q-domain">Domain</label>
          <select id="q-domain" name="domain" defaultValue={v.domain ?? ""}>
            <option value="">All domains</option>
            {ATTACK_DOMAINS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q-older">Waiting at least (days)</label>
          <input
            id="q-older"
            name="olderThan"
            type="number"
            min={0}
            max={QUEUE_AGE_MAX_DAYS}
            defaultValue={v.olderThan}
            inputMode="numeric"
          />
        </div>
        <div>
          <label htmlFor="q-sort">Order</label>
          <select id="q-sort" name="sort" defaultValue={v.sort ?? (props.view === "decided" ? "newest" : "oldest")}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        <label className={styles.check}>
          <input type="checkbox" name="unassigned" value="1" defaultChecked={v.unassigned === "1"} /> Unassigned only
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="needsRemapping" value="1" defaultChecked={v.needsRemapping === "1"} /> Needs
          remapping
        </label>
        <label className={styles.check}>
          <input type="checkbox" name="duplicates" value="1" defaultChecked={v.duplicates === "1"} /> Has duplicate
          candidates
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit">Filter</button>
        {props.filtered && (
          <Link
            className="button secondary"
            href={`/queue${queueSearch({ view: props.view === "decided" ? "decided" : "open" })}`}
          >
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
