-- AlterTable
ALTER TABLE "KnownProcedure" ADD COLUMN "created" TEXT;

-- CreateTable
CREATE TABLE "ProvisionalId" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "letter" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "actorKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionalId_actorKey_key" ON "ProvisionalId"("actorKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionalId_letter_number_key" ON "ProvisionalId"("letter", "number");


-- Catalogs imported before this column lack the relationships' `created`: forget their bundles' hashes, so importing
-- the same file again loads them instead of being skipped as unchanged.
UPDATE "CatalogVersion" SET "sha256" = '';
