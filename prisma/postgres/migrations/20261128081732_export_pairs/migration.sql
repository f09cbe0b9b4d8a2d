-- AlterTable
ALTER TABLE "KnownProcedure" ADD COLUMN     "created" TEXT;

-- CreateTable
CREATE TABLE "ProvisionalId" (
    "id" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "actorKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProvisionalId_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionalId_actorKey_key" ON "ProvisionalId"("actorKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionalId_letter_number_key" ON "ProvisionalId"("letter", "number");


-- Catalogs imported before this column lack the relationships' `created`: forget their bundles' hashes, so importing
-- the same file again loads them instead of being skipped as unchanged.
UPDATE "CatalogVersion" SET "sha256" = '';
