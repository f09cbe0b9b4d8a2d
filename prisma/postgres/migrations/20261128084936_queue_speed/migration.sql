-- DropIndex
DROP INDEX "Observation_actorStixId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Observation_assigneeId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Observation_createdAt_id_idx";

-- DropIndex
DROP INDEX "Observation_techniqueAttackId_createdAt_id_idx";

-- DropIndex
DROP INDEX "Observation_techniqueStixId_createdAt_id_idx";

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "duplicateCandidates" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Observation_createdAt_id_status_tlp_assigneeId_duplicateCan_idx" ON "Observation"("createdAt", "id", "status", "tlp", "assigneeId", "duplicateCandidates", "techniqueStixId");

-- CreateIndex
CREATE INDEX "Observation_status_duplicateCandidates_tlp_idx" ON "Observation"("status", "duplicateCandidates", "tlp");

-- CreateIndex
CREATE INDEX "Observation_assigneeId_status_tlp_createdAt_id_idx" ON "Observation"("assigneeId", "status", "tlp", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_techniqueAttackId_status_tlp_createdAt_id_idx" ON "Observation"("techniqueAttackId", "status", "tlp", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_techniqueStixId_status_tlp_createdAt_id_idx" ON "Observation"("techniqueStixId", "status", "tlp", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_actorStixId_status_tlp_createdAt_id_idx" ON "Observation"("actorStixId", "status", "tlp", "createdAt", "id");

