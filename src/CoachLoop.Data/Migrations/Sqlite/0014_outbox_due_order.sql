-- 0014 outbox due order (Sqlite): the dispatcher asks for the first due lane heads, urgent first, then oldest. Without an
-- index in that order every pending message was read and sorted on each pass (45 ms with 13,000 queued); with it the
-- query walks the index and stops at its batch.

CREATE INDEX "ix_outbox_messages_status_urgent_id" ON "outbox_messages" ("status", "urgent" DESC, "id");
