-- 0003 chat core (Sqlite): the agent's answer on a flag, where cards were posted, the outbox, processed card actions
-- (idempotency) and the local web channel's feed.

ALTER TABLE "flags" ADD COLUMN "agent_accepted_at" INTEGER NULL;

ALTER TABLE "flags" ADD COLUMN "dispute_id" TEXT NULL;

CREATE TABLE "card_posts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_card_posts" PRIMARY KEY,
    "card_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "message_ref" TEXT NULL,
    "urgent" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "processed_actions" (
    "key" TEXT NOT NULL CONSTRAINT "pk_processed_actions" PRIMARY KEY,
    "outcome" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "web_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_web_messages" PRIMARY KEY,
    "conversation_id" TEXT NOT NULL,
    "card_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "card_json" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "posted_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "outbox_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY AUTOINCREMENT,
    "card_post_id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "urgent" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "lease_owner" TEXT NULL,
    "lease_until" INTEGER NULL,
    "last_error" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "sent_at" INTEGER NULL,
    CONSTRAINT "fk_outbox_messages_card_posts_card_post_id" FOREIGN KEY ("card_post_id") REFERENCES "card_posts" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_card_posts_card_kind_subject_id_channel_conversation_id" ON "card_posts" ("card_kind", "subject_id", "channel", "conversation_id");

CREATE INDEX "ix_card_posts_subject_id" ON "card_posts" ("subject_id");

CREATE INDEX "ix_outbox_messages_card_post_id" ON "outbox_messages" ("card_post_id");

CREATE INDEX "ix_outbox_messages_lane_status_id" ON "outbox_messages" ("lane", "status", "id");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_web_messages_conversation_id_posted_at" ON "web_messages" ("conversation_id", "posted_at");
