// "Download Navigator layer": the ATT&CK Navigator layer (format 4.5) of the Enterprise coverage the viewer
// may see (GET /api/v1/catalog/layer; lib/catalog/layer-service.ts decides whose observations count).
const LAYER_HREF = "/api/v1/catalog/layer?domain=enterprise-attack";

export function LayerLink({ whose }: { whose: "yours" | "community" }) {
  return (
    <p className="muted">
      <a href={LAYER_HREF} download>
        Download Navigator layer
      </a>{" "}
      of {whose === "yours" ? "your" : "the community's"} accepted and published Enterprise observations, to open in the
      ATT&amp;CK Navigator (layer format 4.5).
    </p>
  );
}
