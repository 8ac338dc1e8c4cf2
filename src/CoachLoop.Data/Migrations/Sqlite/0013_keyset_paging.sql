-- 0013 keyset paging (Sqlite): the flag list (urgent first, newest raised first, then by id) and the coaching log (by
-- session time, then by flag id) read a page from where the last one ended; these indexes serve that order (scanned
-- backwards for the flag list).

CREATE INDEX "ix_flags_urgent_raised_at_id" ON "flags" ("urgent", "raised_at", "id");

CREATE INDEX "ix_flags_session_logged_at_id" ON "flags" ("session_logged_at", "id");
