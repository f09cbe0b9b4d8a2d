-- CreateTable
CREATE TABLE "CatalogChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domain" TEXT NOT NULL,
    "fromVersion" TEXT NOT NULL,
    "toVersion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL
);

-- CreateIndex
CREATE INDEX "CatalogChange_domain_createdAt_idx" ON "CatalogChange"("domain", "createdAt");

