-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectId_idx" ON "AuditEvent"("subjectId");


-- Append-only: who did what to which, and when, never changes once written. Only `data` may be rewritten,
-- by a purge that removes a leaked value (lib/observations/purge.ts).
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."actorId" IS DISTINCT FROM OLD."actorId"
    OR NEW."action" IS DISTINCT FROM OLD."action" OR NEW."subjectType" IS DISTINCT FROM OLD."subjectType"
    OR NEW."subjectId" IS DISTINCT FROM OLD."subjectId" OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'AuditEvent rows are append-only: only their data may be rewritten, by a purge';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();
