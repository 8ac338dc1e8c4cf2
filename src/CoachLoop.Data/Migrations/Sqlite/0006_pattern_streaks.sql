-- 0006 pattern streaks (Sqlite): the calls each pattern flag's streak names (a call's score on a criterion in
-- one streak at most), the pattern flag a folded quality flag was superseded by, and per agent and criterion a
-- cursor every intake bumps so that concurrent intakes of one agent are evaluated one after the other.

ALTER TABLE "flags" ADD COLUMN "superseded_by" TEXT NULL;

CREATE INDEX "ix_flags_superseded_by" ON "flags" ("superseded_by");

CREATE TABLE "flag_streak_calls" (
    "id" TEXT NOT NULL CONSTRAINT "pk_flag_streak_calls" PRIMARY KEY,
    "flag_id" TEXT NOT NULL,
    "scored_call_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "call_time" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "added_at" INTEGER NOT NULL,
    CONSTRAINT "fk_flag_streak_calls_flags_flag_id" FOREIGN KEY ("flag_id") REFERENCES "flags" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_flag_streak_calls_flag_id" ON "flag_streak_calls" ("flag_id");

CREATE UNIQUE INDEX "ix_flag_streak_calls_scored_call_id_criterion_id" ON "flag_streak_calls" ("scored_call_id", "criterion_id");

CREATE TABLE "streak_cursors" (
    "agent_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "pk_streak_cursors" PRIMARY KEY ("agent_id", "criterion_id")
);

-- Pattern flags raised before streaks were stored name the call that completed them, so later calls next to
-- it extend that flag instead of raising a second one. One row per such flag, so the flag's id serves as the row's.
INSERT INTO "flag_streak_calls" ("id", "flag_id", "scored_call_id", "criterion_id", "source", "call_id", "call_time", "score", "added_at")
SELECT f."id", f."id", f."scored_call_id", f."criterion_id", c."source", c."call_id", c."call_time", s."score", f."raised_at"
FROM "flags" f
JOIN "scored_calls" c ON c."id" = f."scored_call_id"
JOIN "criterion_scores" s ON s."scored_call_id" = f."scored_call_id" AND s."criterion_id" = f."criterion_id"
WHERE f."kind" = 'Pattern';
