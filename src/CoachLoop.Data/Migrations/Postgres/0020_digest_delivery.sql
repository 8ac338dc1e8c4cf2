-- 0020 digest delivery (Postgres): where a person's digest and weekly report go, Chat, Email or Both. Everyone stored before
-- keeps getting them in chat, as until now.

ALTER TABLE people ADD COLUMN digest_delivery character varying(32) NOT NULL DEFAULT 'Chat';
