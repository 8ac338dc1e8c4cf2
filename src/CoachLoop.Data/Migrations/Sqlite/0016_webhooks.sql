-- 0016 webhooks (Sqlite): subscriptions, the events they receive (stored with the change that raised them) and each delivery
-- attempt. Deliveries themselves are outbox posts of "webhook" card posts, one lane per subscription.

CREATE TABLE "webhook_subscriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY,
    "url" TEXT NOT NULL,
    "event_types" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "description" TEXT NULL,
    "enabled" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE INDEX "ix_webhook_subscriptions_created_at_id" ON "webhook_subscriptions" ("created_at", "id");

CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_events" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "payload" TEXT NOT NULL
);

CREATE TABLE "webhook_attempts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_webhook_attempts" PRIMARY KEY AUTOINCREMENT,
    "subscription_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "outbox_message_id" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "status_code" INTEGER NULL,
    "error" TEXT NULL,
    "duration_ms" INTEGER NOT NULL,
    CONSTRAINT "fk_webhook_attempts_webhook_subscriptions_subscription_id" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_webhook_attempts_subscription_id_outbox_message_id_id" ON "webhook_attempts" ("subscription_id", "outbox_message_id", "id");
