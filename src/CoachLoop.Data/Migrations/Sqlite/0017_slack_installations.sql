-- 0017 slack installations (Sqlite): one row per workspace or org-wide install made through Slack's OAuth v2 flow, its bot
-- token encrypted with ASP.NET Core Data Protection, and the Data Protection key ring itself, so every host shares the keys.

CREATE TABLE "slack_installations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_slack_installations" PRIMARY KEY,
    "install_key" TEXT NOT NULL,
    "team_id" TEXT NULL,
    "enterprise_id" TEXT NULL,
    "is_enterprise_install" INTEGER NOT NULL,
    "app_id" TEXT NULL,
    "bot_user_id" TEXT NOT NULL,
    "protected_bot_token" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "installer_user_id" TEXT NULL,
    "installed_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL,
    "revoked_reason" TEXT NULL
);

CREATE UNIQUE INDEX "ix_slack_installations_install_key" ON "slack_installations" ("install_key");

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);
