-- CreateIndex
CREATE INDEX "Observation_status_domain_tlp_submittedAt_createdAt_idx" ON "Observation"("status", "domain", "tlp", "submittedAt", "createdAt");

