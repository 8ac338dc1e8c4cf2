-- 0001 initial schema (Sqlite): directory, rubrics, scored calls and their scores, flags, disputes, audit trail.

CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor_person_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "detail" TEXT NULL
);

CREATE TABLE "chat_identities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_chat_identities" PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "people" (
    "id" TEXT NOT NULL CONSTRAINT "pk_people" PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "team_id" TEXT NULL,
    "external_id" TEXT NULL,
    "time_zone" TEXT NOT NULL,
    "typical_calls_per_day" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "rubrics" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rubrics" PRIMARY KEY,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "call_type" TEXT NOT NULL,
    "overall_threshold" REAL NOT NULL,
    "criteria" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "scored_calls" (
    "id" TEXT NOT NULL CONSTRAINT "pk_scored_calls" PRIMARY KEY,
    "source" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "call_time" INTEGER NOT NULL,
    "duration_seconds" INTEGER NULL,
    "queue" TEXT NULL,
    "rubric_id" TEXT NOT NULL,
    "overall_score" REAL NOT NULL,
    "recording_url" TEXT NULL,
    "content_hash" TEXT NOT NULL,
    "receipt_json" TEXT NOT NULL,
    "received_at" INTEGER NOT NULL
);

CREATE TABLE "teams" (
    "id" TEXT NOT NULL CONSTRAINT "pk_teams" PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "manager_id" TEXT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "criterion_scores" (
    "id" TEXT NOT NULL CONSTRAINT "pk_criterion_scores" PRIMARY KEY,
    "scored_call_id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "quote" TEXT NULL,
    "offset_seconds" INTEGER NULL,
    "failing_sentence" TEXT NULL,
    "call_time" INTEGER NOT NULL,
    "overturned" INTEGER NOT NULL,
    CONSTRAINT "fk_criterion_scores_scored_calls_scored_call_id" FOREIGN KEY ("scored_call_id") REFERENCES "scored_calls" ("id") ON DELETE CASCADE
);

CREATE TABLE "flags" (
    "id" TEXT NOT NULL CONSTRAINT "pk_flags" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "urgent" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "team_id" TEXT NULL,
    "scored_call_id" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "call_time" INTEGER NOT NULL,
    "rubric_id" TEXT NOT NULL,
    "rubric_version" INTEGER NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "weight" REAL NOT NULL,
    "threshold" REAL NOT NULL,
    "score" REAL NOT NULL,
    "plan" TEXT NOT NULL,
    "follow_up_date" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "cycles_without_movement" INTEGER NOT NULL,
    "follow_up_extended" INTEGER NOT NULL,
    "raised_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "approved_by" TEXT NULL,
    "approved_at" INTEGER NULL,
    "session" TEXT NULL,
    "session_logged_at" INTEGER NULL,
    "practice_completed_at" INTEGER NULL,
    "last_follow_up" TEXT NULL,
    "closed_at" INTEGER NULL,
    "closing_note" TEXT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_flags_scored_calls_scored_call_id" FOREIGN KEY ("scored_call_id") REFERENCES "scored_calls" ("id") ON DELETE RESTRICT
);

CREATE TABLE "disputes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_disputes" PRIMARY KEY,
    "flag_id" TEXT NOT NULL,
    "scored_call_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "agent_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "deadline" INTEGER NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "decision_note" TEXT NULL,
    "escalated" INTEGER NOT NULL,
    CONSTRAINT "fk_disputes_flags_flag_id" FOREIGN KEY ("flag_id") REFERENCES "flags" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_audit_entries_entity_type_entity_id_id" ON "audit_entries" ("entity_type", "entity_id", "id");

CREATE INDEX "ix_chat_identities_person_id" ON "chat_identities" ("person_id");

CREATE UNIQUE INDEX "ix_chat_identities_provider_tenant_external_user_id" ON "chat_identities" ("provider", "tenant", "external_user_id");

CREATE INDEX "ix_criterion_scores_agent_id_criterion_id_call_time" ON "criterion_scores" ("agent_id", "criterion_id", "call_time");

CREATE INDEX "ix_criterion_scores_scored_call_id" ON "criterion_scores" ("scored_call_id");

CREATE INDEX "ix_disputes_flag_id" ON "disputes" ("flag_id");

CREATE INDEX "ix_disputes_status_deadline" ON "disputes" ("status", "deadline");

CREATE INDEX "ix_flags_agent_id_criterion_id_status" ON "flags" ("agent_id", "criterion_id", "status");

CREATE INDEX "ix_flags_scored_call_id" ON "flags" ("scored_call_id");

CREATE INDEX "ix_flags_status_follow_up_date" ON "flags" ("status", "follow_up_date");

CREATE INDEX "ix_flags_team_id_status" ON "flags" ("team_id", "status");

CREATE UNIQUE INDEX "ix_people_email" ON "people" ("email");

CREATE UNIQUE INDEX "ix_people_external_id" ON "people" ("external_id");

CREATE INDEX "ix_people_team_id" ON "people" ("team_id");

CREATE UNIQUE INDEX "ix_rubrics_key_version" ON "rubrics" ("key", "version");

CREATE INDEX "ix_scored_calls_agent_id_call_time" ON "scored_calls" ("agent_id", "call_time");

CREATE UNIQUE INDEX "ix_scored_calls_source_call_id" ON "scored_calls" ("source", "call_id");

CREATE UNIQUE INDEX "ix_teams_key" ON "teams" ("key");

-- The audit trail is append-only: refuse to rewrite or delete it, whoever asks.
CREATE TRIGGER "trg_audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TRIGGER "trg_audit_entries_no_delete" BEFORE DELETE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;
