-- 0020 digest delivery (Sqlite): where a person's digest and weekly report go, Chat, Email or Both. Everyone stored before
-- keeps getting them in chat, as until now.

ALTER TABLE "people" ADD COLUMN "digest_delivery" TEXT NOT NULL DEFAULT 'Chat';
