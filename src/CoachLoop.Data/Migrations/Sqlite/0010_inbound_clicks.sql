-- 0010 inbound clicks (Sqlite): chat clicks stored before their request is acknowledged, claimed by workers with a lease,
-- marked done once applied, pruned after a retention.

CREATE TABLE "inbound_clicks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_inbound_clicks" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "conversation_id" TEXT NULL,
    "from_home" INTEGER NOT NULL,
    "received_at" INTEGER NOT NULL,
    "lease_owner" TEXT NULL,
    "lease_until" INTEGER NULL,
    "attempts" INTEGER NOT NULL,
    "done_at" INTEGER NULL,
    "failure" TEXT NULL
);

CREATE UNIQUE INDEX "ix_inbound_clicks_key" ON "inbound_clicks" ("key");

CREATE INDEX "ix_inbound_clicks_done_at_id" ON "inbound_clicks" ("done_at", "id");
