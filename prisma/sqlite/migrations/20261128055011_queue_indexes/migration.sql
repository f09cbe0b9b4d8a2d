-- CreateIndex
CREATE INDEX "Observation_createdAt_id_idx" ON "Observation"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_status_tlp_createdAt_id_idx" ON "Observation"("status", "tlp", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_assigneeId_createdAt_id_idx" ON "Observation"("assigneeId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_techniqueAttackId_createdAt_id_idx" ON "Observation"("techniqueAttackId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_techniqueStixId_createdAt_id_idx" ON "Observation"("techniqueStixId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Observation_actorStixId_createdAt_id_idx" ON "Observation"("actorStixId", "createdAt", "id");

