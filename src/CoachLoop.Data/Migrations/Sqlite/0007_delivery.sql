-- 0007 delivery (Sqlite): a send whose outcome is unknown (host died mid-send, call timed out) is checked at the channel before it is repeated.

ALTER TABLE "outbox_messages" ADD COLUMN "outcome_unknown" INTEGER NOT NULL DEFAULT 0;
