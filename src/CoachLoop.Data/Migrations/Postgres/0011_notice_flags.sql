-- 0011 notice flags (Postgres): the flags each list notice (group card, digest) shows, so that a click on a flag finds the lists
-- to refresh by index. Existing lists are linked from their payloads: every string in the JSON that is the id of a flag.

CREATE TABLE notice_flags (
    notice_id uuid NOT NULL,
    flag_id uuid NOT NULL,
    CONSTRAINT pk_notice_flags PRIMARY KEY (notice_id, flag_id)
);

CREATE INDEX ix_notice_flags_flag_id ON notice_flags (flag_id);

INSERT INTO notice_flags (notice_id, flag_id)
SELECT DISTINCT n.id, f.id
FROM notices AS n
CROSS JOIN LATERAL jsonb_path_query(n.payload::jsonb, 'strict $.**') AS j(value)
JOIN flags AS f ON jsonb_typeof(j.value) = 'string' AND f.id::text = lower(j.value #>> '{}')
WHERE n.kind IN ('flag-group', 'digest')
ON CONFLICT DO NOTHING;
