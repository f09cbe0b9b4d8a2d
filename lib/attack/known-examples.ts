// What ATT&CK already says about a technique (and actor): its procedure examples (KnownProcedure rows
// of the current catalog: sourceRef = the actor's STIX id, targetRef = the technique's), counted, and
// ranked by how close their wording is to a text. The text is only compared, never kept.
import { attackMarkdown } from "../catalog/attack-markdown";
import type { AttackObject } from "../../prisma/sqlite/client";
import type { Tx } from "../db/client";
import { storedCitations, type Citation } from "../markdown/references";
import { procedureWording, rankBySimilarity } from "./similarity";

/** How many of the closest examples a caller gets. */
export const NEAREST_MAX = 3;

export interface NamedRef {
  attackId: string | null;
  name: string;
}

export interface KnownExample {
  actor: NamedRef;
  /** ATT&CK's markdown, as published (links, `(Citation: …)` markers). */
  description: string;
  /** The texts of its citation markers (the relationship's external_references). */
  references: Citation[];
  /** 0..1, two decimals (lib/attack/similarity). */
  score: number;
}

export interface KnownExamples {
  /** Examples for this actor and technique; for the technique alone when no actor is given. */
  count: number;
  /** Examples for the technique, across every actor. */
  techniqueCount: number;
  nearest: KnownExample[];
}

type CatalogRef = Pick<AttackObject, "stixId" | "domain">;

export async function findKnownExamples(
  db: Tx,
  input: { technique: CatalogRef; actor?: CatalogRef | null; text?: string },
): Promise<KnownExamples> {
  const { domain, stixId } = input.technique;
  const rows = await db.knownProcedure.findMany({
    where: { domain, targetRef: stixId },
    select: { sourceRef: true, description: true, references: true },
    orderBy: { stixId: "asc" },
  });
  const actorRef = input.actor?.stixId;
  // With no text every score is 0 and the order decides: the picked actor's own examples come first.
  const ordered = actorRef
    ? [...rows.filter((r) => r.sourceRef === actorRef), ...rows.filter((r) => r.sourceRef !== actorRef)]
    : rows;
  const top = rankBySimilarity(input.text ?? "", ordered, (r) => procedureWording(r.description)).slice(0, NEAREST_MAX);
  const names = await actorNames(
    db,
    domain,
    top.map((t) => t.item.sourceRef),
  );
  return {
    count: actorRef ? rows.filter((r) => r.sourceRef === actorRef).length : rows.length,
    techniqueCount: rows.length,
    nearest: top.map(({ item, score }) => ({
      actor: names.get(item.sourceRef) ?? { attackId: null, name: item.sourceRef },
      description: attackMarkdown(item.description),
      references: storedCitations(item.references),
      score: Math.round(score * 100) / 100,
    })),
  };
}

async function actorNames(db: Tx, domain: string, stixIds: string[]): Promise<Map<string, NamedRef>> {
  if (stixIds.length === 0) return new Map();
  const rows = await db.attackObject.findMany({
    where: { domain, stixId: { in: [...new Set(stixIds)] } },
    select: { stixId: true, attackId: true, name: true },
  });
  return new Map(rows.map((r) => [r.stixId, { attackId: r.attackId, name: r.name }]));
}
