-- CreateIndex
CREATE INDEX "Observation_status_assigneeId_submittedAt_id_idx" ON "Observation"("status", "assigneeId", "submittedAt", "id");

