-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectId_idx" ON "AuditEvent"("subjectId");


-- Append-only: who did what to which, and when, never changes once written. Only `data` may be rewritten,
-- by a purge that removes a leaked value (lib/observations/purge.ts).
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE ON "AuditEvent" FOR EACH ROW
WHEN NEW."id" IS NOT OLD."id" OR NEW."actorId" IS NOT OLD."actorId" OR NEW."action" IS NOT OLD."action"
  OR NEW."subjectType" IS NOT OLD."subjectType" OR NEW."subjectId" IS NOT OLD."subjectId"
  OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent rows are append-only: only their data may be rewritten, by a purge');
END;
