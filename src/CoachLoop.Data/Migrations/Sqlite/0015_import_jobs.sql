-- 0015 import jobs (Sqlite): backfills of scored calls. A job's lines are stored in chunks, in call-time order, before the
-- import is acknowledged; workers claim a job with a lease and record how far they got in the job row.

CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_import_jobs" PRIMARY KEY,
    "format" TEXT NOT NULL,
    "file_name" TEXT NULL,
    "status" TEXT NOT NULL,
    "total_lines" INTEGER NOT NULL,
    "lines_read" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "invalid" INTEGER NOT NULL,
    "invalid_lines" TEXT NOT NULL,
    "active_milliseconds" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "started_at" INTEGER NULL,
    "finished_at" INTEGER NULL,
    "updated_at" INTEGER NULL,
    "lease_owner" TEXT NULL,
    "lease_until" INTEGER NULL
);

CREATE INDEX "ix_import_jobs_status_created_at" ON "import_jobs" ("status", "created_at");

CREATE INDEX "ix_import_jobs_created_at_id" ON "import_jobs" ("created_at", "id");

CREATE TABLE "import_chunks" (
    "job_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "lines" TEXT NOT NULL,
    CONSTRAINT "pk_import_chunks" PRIMARY KEY ("job_id", "number"),
    CONSTRAINT "fk_import_chunks_import_jobs_job_id" FOREIGN KEY ("job_id") REFERENCES "import_jobs" ("id") ON DELETE CASCADE
);
