import Link from "next/link";
import type { AdminHome } from "@/lib/home/admin";
import { ROLES } from "@/lib/auth/permissions";

/** Admins: the open release and its count, users per role, the imported ATT&CK catalogs. */
export function AdminSection({ home }: { home: AdminHome }) {
  return (
    <section className="panel" aria-labelledby="home-admin">
      <h2 id="home-admin">Administration</h2>
      <h3>Releases</h3>
      {home.open.length === 0 ? (
        <p>No release is open: accepted observations wait until you open one.</p>
      ) : (
        <ul>
          {home.open.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> is open ({r.domain}, ATT&amp;CK {r.attackVersion}):{" "}
              {r.observations === 1 ? "1 observation" : `${r.observations} observations`}.
            </li>
          ))}
        </ul>
      )}
      {home.lastExported && (
        <p className="muted">
          Last exported: {home.lastExported.name}, {home.lastExported.exportedAt.slice(0, 10)} (
          {home.lastExported.observations} observations).
        </p>
      )}
      <div className="actions">
        <Link className="button secondary" href="/releases">
          Manage releases
        </Link>
      </div>
      <h3>Users</h3>
      <p>
        {ROLES.map((r, i) => (
          <span key={r}>
            {i > 0 && " · "}
            {home.users[r]} {r.toLowerCase()}
            {home.users[r] === 1 ? "" : "s"}
          </span>
        ))}
      </p>
      <h3>ATT&amp;CK catalog</h3>
      {home.catalogs.length === 0 ? (
        <p className="notice bad">
          No catalog imported: run <code>npm run cli -- attack:import &lt;enterprise-attack.json&gt;</code>.
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label="ATT&CK catalog versions" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>Domain</th>
                <th>Version</th>
                <th>Objects</th>
                <th>Imported</th>
              </tr>
            </thead>
            <tbody>
              {home.catalogs.map((c) => (
                <tr key={`${c.domain}-${c.version}`}>
                  <td>{c.domain}</td>
                  <td>
                    {c.version}
                    {c.current && <span className="muted"> (current)</span>}
                  </td>
                  <td>{c.objectCount}</td>
                  <td className="mono">{c.importedAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
