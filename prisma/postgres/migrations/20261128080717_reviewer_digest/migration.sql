-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('OFF', 'DAILY', 'WEEKLY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digest" "DigestFrequency" NOT NULL DEFAULT 'OFF',
ADD COLUMN     "digestSentAt" TIMESTAMP(3);

