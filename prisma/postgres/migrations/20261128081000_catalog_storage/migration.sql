-- The catalog's large values (each object's STIX and description) are stored uncompressed: an import writes
-- ~8 MB of them at once, and compressing them took about a third of the server's time in that COPY. The
-- table stays small (about 8 MB per domain) and reads skip the decompression. PostgreSQL only: SQLite does not
-- compress. Prisma does not model storage, so this changes nothing in the schema.
ALTER TABLE "AttackObject" ALTER COLUMN "stix" SET STORAGE EXTERNAL;
ALTER TABLE "AttackObject" ALTER COLUMN "description" SET STORAGE EXTERNAL;
