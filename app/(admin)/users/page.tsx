// People (issue 9 item 8): admins invite by e-mail, change roles, deactivate and reactivate.
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { listUsers } from "@/lib/auth/admin-users";
import { db } from "@/lib/db/client";
import { mailQueueForAdmin, mailQueueProblem } from "@/lib/mail";
import { InviteForm, UserControls } from "./user-controls";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requireActor("user:manage", "/users");
  const users = await loadPage("/users", () => listUsers(actor, db()));
  const mail = await loadPage("/users", () => mailQueueForAdmin(actor, db()));
  const mailProblem = mailQueueProblem(mail);
  return (
    <>
      <h1>People</h1>
      <p className="muted">
        Invite someone by e-mail with a role; they sign in with a link sent to that address. Deactivating signs a person
        out everywhere and stops their API tokens at once; every change is in the audit log.
      </p>
      <InviteForm />
      <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
        <table>
          <caption id="users-caption">{users.length} people</caption>
          <thead>
            <tr>
              <th>E-mail</th>
              <th>Status</th>
              <th>Observations</th>
              <th>Since</th>
              <th>Role and access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.deactivatedAt ? `deactivated ${u.deactivatedAt.slice(0, 10)}` : "active"}</td>
                <td>{u.observations}</td>
                <td className="mono">{u.createdAt.slice(0, 10)}</td>
                <td>
                  <UserControls
                    id={u.id}
                    email={u.email}
                    role={u.role}
                    deactivated={u.deactivatedAt !== null}
                    self={u.id === actor.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="mail-queue">
        <h2 id="mail-queue">Mail queue</h2>
        <p className="muted">
          {mail.pending} waiting, {mail.failed} failed, {mail.sentToday} sent in the last 24 hours. Every e-mail is
          queued with the change that causes it and retried while the mail server is down.
        </p>
        {mailProblem && <p className="notice warn">{mailProblem}</p>}
      </section>
    </>
  );
}
