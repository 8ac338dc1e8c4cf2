-- 0019 peer examples and workshops (Postgres): a flag names the peer's criterion score it shows (chosen when the flag is raised);
-- a criterion's recent scores are found by index; workshops and the flags they coach (a flag takes part in one workshop at most).
-- Existing flags get no peer example: nothing is back-filled.

ALTER TABLE flags ADD COLUMN peer_score_id uuid;

CREATE INDEX ix_criterion_scores_criterion_id_call_time ON criterion_scores (criterion_id, call_time);

CREATE TABLE workshops (
    id uuid NOT NULL,
    team_id uuid NOT NULL,
    criterion_id character varying(100) NOT NULL,
    scheduled_for date NOT NULL,
    status character varying(32) NOT NULL,
    flag_ids text NOT NULL,
    scheduled_by uuid,
    scheduled_at timestamp with time zone NOT NULL,
    logged_by uuid,
    logged_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_workshops PRIMARY KEY (id)
);

CREATE INDEX ix_workshops_team_id_scheduled_at_id ON workshops (team_id, scheduled_at, id);

CREATE TABLE workshop_flags (
    flag_id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    CONSTRAINT pk_workshop_flags PRIMARY KEY (flag_id),
    CONSTRAINT fk_workshop_flags_workshops_workshop_id FOREIGN KEY (workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);

CREATE INDEX ix_workshop_flags_workshop_id ON workshop_flags (workshop_id);
