-- 0002 machine API keys (Postgres): only a SHA-256 hash of each key is kept.

CREATE TABLE api_keys (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(16) NOT NULL,
    hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_api_keys PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_api_keys_hash ON api_keys (hash);
