-- AlterTable
ALTER TABLE "Observation" ADD COLUMN "upstreamAt" DATETIME;
ALTER TABLE "Observation" ADD COLUMN "upstreamRelationshipId" TEXT;
ALTER TABLE "Observation" ADD COLUMN "upstreamVersion" TEXT;

