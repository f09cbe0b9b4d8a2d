-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "upstreamAt" TIMESTAMP(3),
ADD COLUMN     "upstreamRelationshipId" TEXT,
ADD COLUMN     "upstreamVersion" TEXT;

