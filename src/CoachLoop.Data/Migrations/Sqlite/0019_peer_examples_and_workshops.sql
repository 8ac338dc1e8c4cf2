-- 0019 peer examples and workshops (Sqlite): a flag names the peer's criterion score it shows (chosen when the flag is raised);
-- a criterion's recent scores are found by index; workshops and the flags they coach (a flag takes part in one workshop at most).
-- Existing flags get no peer example: nothing is back-filled.

ALTER TABLE "flags" ADD COLUMN "peer_score_id" TEXT NULL;

CREATE INDEX "ix_criterion_scores_criterion_id_call_time" ON "criterion_scores" ("criterion_id", "call_time");

CREATE TABLE "workshops" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workshops" PRIMARY KEY,
    "team_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "scheduled_for" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "flag_ids" TEXT NOT NULL,
    "scheduled_by" TEXT NULL,
    "scheduled_at" INTEGER NOT NULL,
    "logged_by" TEXT NULL,
    "logged_at" INTEGER NULL,
    "revision" INTEGER NOT NULL
);

CREATE INDEX "ix_workshops_team_id_scheduled_at_id" ON "workshops" ("team_id", "scheduled_at", "id");

CREATE TABLE "workshop_flags" (
    "flag_id" TEXT NOT NULL CONSTRAINT "pk_workshop_flags" PRIMARY KEY,
    "workshop_id" TEXT NOT NULL,
    CONSTRAINT "fk_workshop_flags_workshops_workshop_id" FOREIGN KEY ("workshop_id") REFERENCES "workshops" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_workshop_flags_workshop_id" ON "workshop_flags" ("workshop_id");
