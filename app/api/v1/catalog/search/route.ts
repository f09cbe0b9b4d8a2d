import { searchCatalog } from "@/lib/attack/catalog";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRoute, requestActor } from "@/lib/http/api";
import { DOMAINS } from "@/lib/observations/schema";

const KINDS = ["technique", "group", "software", "campaign", "tactic"] as const;
type Kind = (typeof KINDS)[number];

export const GET = apiRoute(async (request: Request) => {
  await requestActor(request);
  const params = new URL(request.url).searchParams;
  const domain = params.get("domain") ?? "enterprise-attack";
  if (!(DOMAINS as readonly string[]).includes(domain))
    throw new AppError("VALIDATION", `Unknown domain "${domain}": use one of ${DOMAINS.join(", ")}.`);
  const kinds = params.get("kinds")?.split(",").filter(Boolean) ?? undefined;
  const bad = kinds?.find((k) => !(KINDS as readonly string[]).includes(k));
  if (bad) throw new AppError("VALIDATION", `Unknown kind "${bad}": use ${KINDS.join(", ")}.`);
  const q = (params.get("q") ?? "").slice(0, 100);
  return Response.json({
    items: await searchCatalog(db(), { q, domain, kinds: kinds as Kind[] | undefined, limit: 20 }),
  });
});
