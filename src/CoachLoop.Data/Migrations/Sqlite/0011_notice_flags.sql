-- 0011 notice flags (Sqlite): the flags each list notice (group card, digest) shows, so that a click on a flag finds the lists
-- to refresh by index. Existing lists are linked from their payloads: every string in the JSON that is the id of a flag.

CREATE TABLE "notice_flags" (
    "notice_id" TEXT NOT NULL,
    "flag_id" TEXT NOT NULL,
    CONSTRAINT "pk_notice_flags" PRIMARY KEY ("notice_id", "flag_id")
);

CREATE INDEX "ix_notice_flags_flag_id" ON "notice_flags" ("flag_id");

INSERT OR IGNORE INTO "notice_flags" ("notice_id", "flag_id")
SELECT DISTINCT "n"."id", "f"."id"
FROM "notices" AS "n", json_tree("n"."payload") AS "j"
JOIN "flags" AS "f" ON upper("f"."id") = upper("j"."value")
WHERE "n"."kind" IN ('flag-group', 'digest') AND "j"."type" = 'text';
