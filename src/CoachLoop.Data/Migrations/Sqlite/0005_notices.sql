-- 0005 notices (Sqlite): digests, reminders, follow-up results and escalations, each made once by its unique key.

CREATE TABLE "notices" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notices" PRIMARY KEY,
    "dedupe_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "urgent" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "sent" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_notices_dedupe_key" ON "notices" ("dedupe_key");

CREATE INDEX "ix_notices_kind_created_at" ON "notices" ("kind", "created_at");
