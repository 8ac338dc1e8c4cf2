-- 0004 channels (Postgres): where Slack and Teams reach a team or a person, where the app is installed,
-- and inbound events already handled (retries are acknowledged and ignored).

CREATE TABLE channel_installations (
    id uuid NOT NULL,
    channel character varying(16) NOT NULL,
    tenant character varying(100) NOT NULL,
    scope character varying(200) NOT NULL,
    active boolean NOT NULL,
    installed_at timestamp with time zone NOT NULL,
    removed_at timestamp with time zone,
    detail character varying(2000),
    CONSTRAINT pk_channel_installations PRIMARY KEY (id)
);

CREATE TABLE channel_routes (
    id uuid NOT NULL,
    channel character varying(16) NOT NULL,
    route_kind character varying(16) NOT NULL,
    subject_id uuid NOT NULL,
    tenant character varying(100) NOT NULL,
    conversation_id character varying(400) NOT NULL,
    service_url character varying(400),
    reference_json text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_channel_routes PRIMARY KEY (id)
);

CREATE TABLE inbound_events (
    key character varying(200) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_inbound_events PRIMARY KEY (key)
);

CREATE UNIQUE INDEX ix_channel_installations_channel_tenant_scope ON channel_installations (channel, tenant, scope);

CREATE UNIQUE INDEX ix_channel_routes_channel_route_kind_subject_id ON channel_routes (channel, route_kind, subject_id);

CREATE INDEX ix_inbound_events_received_at ON inbound_events (received_at);
