-- Observation.duplicateCandidates counts up to 10 (DUPLICATE_COUNT_CAP, lib/review/duplicates-count.ts).
UPDATE "Observation" SET "duplicateCandidates" = 10 WHERE "duplicateCandidates" > 10;
