-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Observation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicId" TEXT NOT NULL,
    "contributorId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "domain" TEXT NOT NULL,
    "techniqueStixId" TEXT NOT NULL,
    "techniqueAttackId" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorStixId" TEXT,
    "proposedActor" JSONB,
    "procedure" TEXT NOT NULL,
    "references" JSONB NOT NULL,
    "observedFrom" DATETIME,
    "observedTo" DATETIME,
    "platforms" JSONB NOT NULL,
    "keptIndicators" JSONB NOT NULL DEFAULT [],
    "sector" TEXT,
    "country" TEXT,
    "region" TEXT,
    "detectionType" TEXT,
    "detectionSource" TEXT,
    "privilegeLevel" TEXT,
    "confidence" TEXT,
    "tlp" TEXT NOT NULL,
    "credit" TEXT NOT NULL,
    "assigneeId" TEXT,
    "duplicateOfId" INTEGER,
    "releaseId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "duplicateCandidates" INTEGER NOT NULL DEFAULT 0,
    "needsRemapping" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Observation_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Observation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Observation_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Observation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Observation_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Observation" ("actorKind", "actorStixId", "assigneeId", "confidence", "contributorId", "country", "createdAt", "credit", "decidedAt", "detectionSource", "detectionType", "domain", "duplicateCandidates", "duplicateOfId", "id", "keptIndicators", "observedFrom", "observedTo", "platforms", "privilegeLevel", "procedure", "proposedActor", "publicId", "references", "region", "releaseId", "sector", "status", "submittedAt", "techniqueAttackId", "techniqueStixId", "tlp", "updatedAt", "version") SELECT "actorKind", "actorStixId", "assigneeId", "confidence", "contributorId", "country", "createdAt", "credit", "decidedAt", "detectionSource", "detectionType", "domain", "duplicateCandidates", "duplicateOfId", "id", "keptIndicators", "observedFrom", "observedTo", "platforms", "privilegeLevel", "procedure", "proposedActor", "publicId", "references", "region", "releaseId", "sector", "status", "submittedAt", "techniqueAttackId", "techniqueStixId", "tlp", "updatedAt", "version" FROM "Observation";
DROP TABLE "Observation";
ALTER TABLE "new_Observation" RENAME TO "Observation";
CREATE UNIQUE INDEX "Observation_publicId_key" ON "Observation"("publicId");
CREATE INDEX "Observation_status_createdAt_id_idx" ON "Observation"("status", "createdAt", "id");
CREATE INDEX "Observation_contributorId_idx" ON "Observation"("contributorId");
CREATE INDEX "Observation_releaseId_idx" ON "Observation"("releaseId");
CREATE INDEX "Observation_createdAt_id_status_tlp_assigneeId_duplicateCandidates_techniqueStixId_idx" ON "Observation"("createdAt", "id", "status", "tlp", "assigneeId", "duplicateCandidates", "techniqueStixId");
CREATE INDEX "Observation_status_tlp_createdAt_id_idx" ON "Observation"("status", "tlp", "createdAt", "id");
CREATE INDEX "Observation_status_duplicateCandidates_tlp_idx" ON "Observation"("status", "duplicateCandidates", "tlp");
CREATE INDEX "Observation_assigneeId_status_tlp_createdAt_id_idx" ON "Observation"("assigneeId", "status", "tlp", "createdAt", "id");
CREATE INDEX "Observation_techniqueAttackId_status_tlp_createdAt_id_idx" ON "Observation"("techniqueAttackId", "status", "tlp", "createdAt", "id");
CREATE INDEX "Observation_techniqueStixId_status_tlp_createdAt_id_idx" ON "Observation"("techniqueStixId", "status", "tlp", "createdAt", "id");
CREATE INDEX "Observation_actorStixId_status_tlp_createdAt_id_idx" ON "Observation"("actorStixId", "status", "tlp", "createdAt", "id");
CREATE INDEX "Observation_needsRemapping_status_tlp_createdAt_id_idx" ON "Observation"("needsRemapping", "status", "tlp", "createdAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill (lib/review/remap-flag.ts keeps it from now on): the technique or ATT&CK actor is not live in the
-- observation's domain's current catalog.
UPDATE "Observation" SET "needsRemapping" = true
WHERE NOT EXISTS (
    SELECT 1 FROM "AttackObject" a WHERE a."domain" = "Observation"."domain" AND a."stixId" = "Observation"."techniqueStixId"
      AND a."revoked" = false AND a."deprecated" = false)
  OR ("actorStixId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "AttackObject" a WHERE a."domain" = "Observation"."domain" AND a."stixId" = "Observation"."actorStixId"
      AND a."revoked" = false AND a."deprecated" = false));
