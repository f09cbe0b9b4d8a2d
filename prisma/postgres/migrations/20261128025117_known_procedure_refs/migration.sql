-- AlterTable
ALTER TABLE "KnownProcedure" ADD COLUMN     "references" JSONB NOT NULL DEFAULT '[]';


-- Catalogs imported before this column have no citation texts on their procedure examples: forget their
-- bundles' hashes, so importing the same file again loads them instead of being skipped as unchanged.
UPDATE "CatalogVersion" SET "sha256" = '';
