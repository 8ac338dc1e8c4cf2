-- 0015 import jobs (Postgres): backfills of scored calls. A job's lines are stored in chunks, in call-time order, before the
-- import is acknowledged; workers claim a job with a lease and record how far they got in the job row.

CREATE TABLE import_jobs (
    id uuid NOT NULL,
    format character varying(16) NOT NULL,
    file_name character varying(200),
    status character varying(16) NOT NULL,
    total_lines integer NOT NULL,
    lines_read integer NOT NULL,
    accepted integer NOT NULL,
    duplicates integer NOT NULL,
    invalid integer NOT NULL,
    invalid_lines text NOT NULL,
    active_milliseconds bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    updated_at timestamp with time zone,
    lease_owner character varying(100),
    lease_until timestamp with time zone,
    CONSTRAINT pk_import_jobs PRIMARY KEY (id)
);

CREATE INDEX ix_import_jobs_status_created_at ON import_jobs (status, created_at);

CREATE INDEX ix_import_jobs_created_at_id ON import_jobs (created_at, id);

CREATE TABLE import_chunks (
    job_id uuid NOT NULL,
    number integer NOT NULL,
    count integer NOT NULL,
    lines text NOT NULL,
    CONSTRAINT pk_import_chunks PRIMARY KEY (job_id, number),
    CONSTRAINT fk_import_chunks_import_jobs_job_id FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
);
