-- 0005 notices (Postgres): digests, reminders, follow-up results and escalations, each made once by its unique key.

CREATE TABLE notices (
    id uuid NOT NULL,
    dedupe_key character varying(200) NOT NULL,
    kind character varying(32) NOT NULL,
    audience character varying(16) NOT NULL,
    audience_id uuid NOT NULL,
    urgent boolean NOT NULL,
    payload text NOT NULL,
    sent boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_notices PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_notices_dedupe_key ON notices (dedupe_key);

CREATE INDEX ix_notices_kind_created_at ON notices (kind, created_at);
