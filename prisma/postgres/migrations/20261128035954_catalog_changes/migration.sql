-- CreateTable
CREATE TABLE "CatalogChange" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "fromVersion" TEXT NOT NULL,
    "toVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "CatalogChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogChange_domain_createdAt_idx" ON "CatalogChange"("domain", "createdAt");

