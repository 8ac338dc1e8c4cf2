-- 0006 pattern streaks (Postgres): the calls each pattern flag's streak names (a call's score on a criterion in
-- one streak at most), the pattern flag a folded quality flag was superseded by, and per agent and criterion a
-- cursor every intake bumps so that concurrent intakes of one agent are evaluated one after the other.

ALTER TABLE flags ADD COLUMN superseded_by uuid;

CREATE INDEX ix_flags_superseded_by ON flags (superseded_by);

CREATE TABLE flag_streak_calls (
    id uuid NOT NULL,
    flag_id uuid NOT NULL,
    scored_call_id uuid NOT NULL,
    criterion_id character varying(100) NOT NULL,
    source character varying(100) NOT NULL,
    call_id character varying(200) NOT NULL,
    call_time timestamp with time zone NOT NULL,
    score numeric NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_flag_streak_calls PRIMARY KEY (id),
    CONSTRAINT fk_flag_streak_calls_flags_flag_id FOREIGN KEY (flag_id) REFERENCES flags (id) ON DELETE CASCADE
);

CREATE INDEX ix_flag_streak_calls_flag_id ON flag_streak_calls (flag_id);

CREATE UNIQUE INDEX ix_flag_streak_calls_scored_call_id_criterion_id ON flag_streak_calls (scored_call_id, criterion_id);

CREATE TABLE streak_cursors (
    agent_id uuid NOT NULL,
    criterion_id character varying(100) NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_streak_cursors PRIMARY KEY (agent_id, criterion_id)
);

-- Pattern flags raised before streaks were stored name the call that completed them, so later calls next to
-- it extend that flag instead of raising a second one. One row per such flag, so the flag's id serves as the row's.
INSERT INTO flag_streak_calls (id, flag_id, scored_call_id, criterion_id, source, call_id, call_time, score, added_at)
SELECT f.id, f.id, f.scored_call_id, f.criterion_id, c.source, c.call_id, c.call_time, s.score, f.raised_at
FROM flags f
JOIN scored_calls c ON c.id = f.scored_call_id
JOIN criterion_scores s ON s.scored_call_id = f.scored_call_id AND s.criterion_id = f.criterion_id
WHERE f.kind = 'Pattern';
