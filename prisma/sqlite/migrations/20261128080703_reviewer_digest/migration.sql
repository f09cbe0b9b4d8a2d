-- AlterTable
-- Written by hand instead of Prisma's table redefinition: lib/db/migrate.ts applies migrations inside a transaction,
-- where `PRAGMA foreign_keys=OFF` is a no-op, so `DROP TABLE "User"` would cascade-delete every Account, Session
-- and ApiToken. ADD COLUMN with a constant default gives the same table.
ALTER TABLE "User" ADD COLUMN "digest" TEXT NOT NULL DEFAULT 'OFF';
ALTER TABLE "User" ADD COLUMN "digestSentAt" DATETIME;
