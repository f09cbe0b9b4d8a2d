-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_KnownProcedure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "stixId" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "targetRef" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "references" JSONB NOT NULL DEFAULT '[]'
);
INSERT INTO "new_KnownProcedure" ("description", "domain", "id", "sourceRef", "stixId", "targetRef") SELECT "description", "domain", "id", "sourceRef", "stixId", "targetRef" FROM "KnownProcedure";
DROP TABLE "KnownProcedure";
ALTER TABLE "new_KnownProcedure" RENAME TO "KnownProcedure";
CREATE INDEX "KnownProcedure_targetRef_sourceRef_idx" ON "KnownProcedure"("targetRef", "sourceRef");
CREATE UNIQUE INDEX "KnownProcedure_domain_stixId_key" ON "KnownProcedure"("domain", "stixId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Catalogs imported before this column have no citation texts on their procedure examples: forget their
-- bundles' hashes, so importing the same file again loads them instead of being skipped as unchanged.
UPDATE "CatalogVersion" SET "sha256" = '';
