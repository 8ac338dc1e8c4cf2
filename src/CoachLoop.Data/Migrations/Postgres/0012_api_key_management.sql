-- 0012 API key management (Postgres): admin keys, when each key was last used and rotated, and unique names.
-- Keys made before this are not admin keys (they keep everything they could do). Names were not unique before: every key
-- after the first of a name (the web channel made one "web-channel" key per start) gets the end of its id appended.

ALTER TABLE api_keys ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
ALTER TABLE api_keys ADD COLUMN last_used_at timestamp with time zone;
ALTER TABLE api_keys ADD COLUMN rotated_at timestamp with time zone;

UPDATE api_keys AS k
SET name = left(k.name, 87) || '-' || right(k.id::text, 12)
WHERE EXISTS (
    SELECT 1 FROM api_keys AS o
    WHERE o.name = k.name AND (o.created_at < k.created_at OR (o.created_at = k.created_at AND o.id < k.id)));

CREATE UNIQUE INDEX ix_api_keys_name ON api_keys (name);
