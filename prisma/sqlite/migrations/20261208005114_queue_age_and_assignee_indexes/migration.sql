-- DropIndex
DROP INDEX "Observation_status_tlp_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Observation_status_tlp_createdAt_id_submittedAt_idx" ON "Observation"("status", "tlp", "createdAt", "id", "submittedAt");

-- CreateIndex
CREATE INDEX "Observation_assigneeId_createdAt_id_status_tlp_idx" ON "Observation"("assigneeId", "createdAt", "id", "status", "tlp");

