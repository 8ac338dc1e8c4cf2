-- 0002 machine API keys (Sqlite): only a SHA-256 hash of each key is kept.

CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL
);

CREATE UNIQUE INDEX "ix_api_keys_hash" ON "api_keys" ("hash");
