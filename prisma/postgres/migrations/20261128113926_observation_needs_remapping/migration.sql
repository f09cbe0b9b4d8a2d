-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "needsRemapping" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Observation_needsRemapping_status_tlp_createdAt_id_idx" ON "Observation"("needsRemapping", "status", "tlp", "createdAt", "id");


-- Backfill (lib/review/remap-flag.ts keeps it from now on): the technique or ATT&CK actor is not live in the
-- observation's domain's current catalog.
UPDATE "Observation" SET "needsRemapping" = true
WHERE NOT EXISTS (
    SELECT 1 FROM "AttackObject" a WHERE a."domain" = "Observation"."domain" AND a."stixId" = "Observation"."techniqueStixId"
      AND a."revoked" = false AND a."deprecated" = false)
  OR ("actorStixId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "AttackObject" a WHERE a."domain" = "Observation"."domain" AND a."stixId" = "Observation"."actorStixId"
      AND a."revoked" = false AND a."deprecated" = false));
