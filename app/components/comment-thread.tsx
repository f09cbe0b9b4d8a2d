// The conversation on an observation, oldest first. The list comes from lib/review/comments (commentsFor),
// which already leaves INTERNAL notes out for the contributor; `showVisibility` only adds the badges.
import type { CommentView } from "@/lib/review/comments";
import styles from "./comments.module.css";

export function CommentThread(props: {
  comments: CommentView[];
  showVisibility?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">Conversation</h2>
      {props.comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className={styles.thread} aria-label="Comments, oldest first">
          {props.comments.map((c, i) => (
            <li key={i} className={`${styles.comment} ${props.showVisibility ? styles[c.visibility] : ""}`}>
              <p className={styles.meta}>
                <strong>{c.author}</strong>
                <span>{c.role}</span>
                <time dateTime={c.createdAt}>{c.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
                {props.showVisibility && (
                  <span className={`${styles.badge} ${styles[c.visibility]}`}>{c.visibility.toLowerCase()}</span>
                )}
              </p>
              <p className={styles.body}>{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {props.children}
    </section>
  );
}
