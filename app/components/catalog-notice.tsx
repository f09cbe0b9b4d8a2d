"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { remapAction } from "@/app/(review)/queue/[id]/actions";
import { focusPageHeading } from "@/app/components/focus";
import { showToast } from "@/app/components/toaster";
import { actorNotice, techniqueNotice } from "@/lib/observations/catalog-notice";
import type { ObservationCatalog } from "@/lib/observations/catalog-status";

/**
 * The flag on an observation whose technique (or actor) ATT&CK revoked or deprecated. A reviewer applies the
 * replacement with one click (no confirmation: another remap undoes it) or names another live technique or actor.
 */
export function CatalogNotice(props: {
  publicId: string;
  version: number;
  catalog: ObservationCatalog;
  canRemap: boolean;
}) {
  const router = useRouter();
  const [other, setOther] = useState("");
  const [otherActor, setOtherActor] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const technique = techniqueNotice(props.catalog);
  const actor = actorNotice(props.catalog);
  if (!technique && !actor) return null;

  async function remap(target: string, field: "technique" | "actor" = "technique") {
    setBusy(true);
    setError(null);
    const result = await remapAction(props.publicId, { [field]: target, version: props.version });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setOther("");
    setOtherActor("");
    showToast(`Remapped to ${target}.`);
    focusPageHeading();
    router.refresh();
  }

  return (
    <section className="notice warn" aria-labelledby="catalog-notice-heading">
      <h2 id="catalog-notice-heading">Needs remapping</h2>
      {technique && <p>{technique}</p>}
      {actor && <p>{actor}</p>}
      {technique && props.canRemap && (
        <>
          {props.catalog.replacements.length > 0 && (
            <p>
              {props.catalog.replacements.map((r) => (
                <button key={r.stixId} type="button" disabled={busy} onClick={() => remap(r.technique ?? r.stixId)}>
                  Apply {r.technique ?? r.name}
                  {r.source === "suggested" && " (suggested from the text)"}
                </button>
              ))}
            </p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (other.trim()) void remap(other.trim());
            }}
          >
            <label htmlFor="remap-other">
              {props.catalog.replacements.length > 0 ? "Or another" : "A"} live technique (ATT&amp;CK ID)
            </label>
            <div className="row">
              <input id="remap-other" value={other} onChange={(e) => setOther(e.target.value)} />
              <button type="submit" className="shrink secondary" disabled={busy || !other.trim()}>
                Remap
              </button>
            </div>
          </form>
        </>
      )}
      {technique && !props.canRemap && <p className="muted">A reviewer remaps it to a live technique.</p>}
      {actor && props.canRemap && props.catalog.actor && (
        <>
          {props.catalog.actor.replacements.length > 0 && (
            <p>
              {props.catalog.actor.replacements.map((r) => (
                <button
                  key={r.stixId}
                  type="button"
                  disabled={busy}
                  onClick={() => remap(r.technique ?? r.stixId, "actor")}
                >
                  Apply {r.technique ?? r.name} ({r.name})
                </button>
              ))}
            </p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (otherActor.trim()) void remap(otherActor.trim(), "actor");
            }}
          >
            <label htmlFor="remap-other-actor">
              {props.catalog.actor.replacements.length > 0 ? "Or another" : "A"} live group, software or campaign
              (ATT&amp;CK ID)
            </label>
            <div className="row">
              <input id="remap-other-actor" value={otherActor} onChange={(e) => setOtherActor(e.target.value)} />
              <button type="submit" className="shrink secondary" disabled={busy || !otherActor.trim()}>
                Remap actor
              </button>
            </div>
          </form>
        </>
      )}
      {actor && !props.canRemap && <p className="muted">A reviewer remaps it to a live actor.</p>}
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
