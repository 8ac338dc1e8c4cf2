-- 0009 chat user ids (Sqlite): the id a chat addresses a person by when it differs from the identity key
-- (Teams: the 29: user MRI that a card's per-user refresh lists). Existing identities keep NULL until seen.

ALTER TABLE "chat_identities" ADD COLUMN "channel_user_id" TEXT NULL;
