-- 0004 channels (Sqlite): where Slack and Teams reach a team or a person, where the app is installed,
-- and inbound events already handled (retries are acknowledged and ignored).

CREATE TABLE "channel_installations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_channel_installations" PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "installed_at" INTEGER NOT NULL,
    "removed_at" INTEGER NULL,
    "detail" TEXT NULL
);

CREATE TABLE "channel_routes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_channel_routes" PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "route_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "tenant" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "service_url" TEXT NULL,
    "reference_json" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "inbound_events" (
    "key" TEXT NOT NULL CONSTRAINT "pk_inbound_events" PRIMARY KEY,
    "received_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_channel_installations_channel_tenant_scope" ON "channel_installations" ("channel", "tenant", "scope");

CREATE UNIQUE INDEX "ix_channel_routes_channel_route_kind_subject_id" ON "channel_routes" ("channel", "route_kind", "subject_id");

CREATE INDEX "ix_inbound_events_received_at" ON "inbound_events" ("received_at");
