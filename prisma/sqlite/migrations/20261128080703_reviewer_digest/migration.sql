-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "name" TEXT,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'CONTRIBUTOR',
    "creditName" TEXT,
    "creditOrg" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" DATETIME,
    "digest" TEXT NOT NULL DEFAULT 'OFF',
    "digestSentAt" DATETIME
);
INSERT INTO "new_User" ("createdAt", "creditName", "creditOrg", "deactivatedAt", "email", "emailVerified", "id", "image", "name", "role") SELECT "createdAt", "creditName", "creditOrg", "deactivatedAt", "email", "emailVerified", "id", "image", "name", "role" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

