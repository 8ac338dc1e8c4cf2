-- 0012 API key management (Sqlite): admin keys, when each key was last used and rotated, and unique names.
-- Keys made before this are not admin keys (they keep everything they could do). Names were not unique before: every key
-- after the first of a name (the web channel made one "web-channel" key per start) gets the end of its id appended.

ALTER TABLE "api_keys" ADD COLUMN "is_admin" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" INTEGER NULL;
ALTER TABLE "api_keys" ADD COLUMN "rotated_at" INTEGER NULL;

UPDATE "api_keys"
SET "name" = substr("name", 1, 87) || '-' || lower(substr("id", -12))
WHERE EXISTS (
    SELECT 1 FROM "api_keys" AS "o"
    WHERE "o"."name" = "api_keys"."name"
      AND ("o"."created_at" < "api_keys"."created_at" OR ("o"."created_at" = "api_keys"."created_at" AND "o"."id" < "api_keys"."id")));

CREATE UNIQUE INDEX "ix_api_keys_name" ON "api_keys" ("name");
