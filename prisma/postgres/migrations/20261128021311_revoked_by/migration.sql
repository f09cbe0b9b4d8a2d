-- AlterTable
ALTER TABLE "AttackObject" ADD COLUMN     "revokedBy" TEXT;

