-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "keptIndicators" JSONB NOT NULL DEFAULT '[]';

