IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [api_keys] (
        [id] uniqueidentifier NOT NULL,
        [name] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [prefix] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [hash] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [revoked_at] datetimeoffset NULL,
        [is_admin] bit NOT NULL,
        [last_used_at] datetimeoffset NULL,
        [rotated_at] datetimeoffset NULL,
        CONSTRAINT [pk_api_keys] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [audit_entries] (
        [id] bigint NOT NULL IDENTITY,
        [entity_type] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [entity_id] uniqueidentifier NOT NULL,
        [action] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [actor_person_id] uniqueidentifier NULL,
        [actor_name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [actor_role] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [channel] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [at] datetimeoffset NOT NULL,
        [before] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [after] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [detail] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [pk_audit_entries] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [card_posts] (
        [id] uniqueidentifier NOT NULL,
        [card_kind] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [subject_id] uniqueidentifier NOT NULL,
        [channel] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [conversation_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [message_ref] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [urgent] bit NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_card_posts] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [channel_installations] (
        [id] uniqueidentifier NOT NULL,
        [channel] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [tenant] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [scope] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [active] bit NOT NULL,
        [installed_at] datetimeoffset NOT NULL,
        [removed_at] datetimeoffset NULL,
        [detail] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [pk_channel_installations] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [channel_routes] (
        [id] uniqueidentifier NOT NULL,
        [channel] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [route_kind] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [subject_id] uniqueidentifier NOT NULL,
        [tenant] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [conversation_id] nvarchar(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [service_url] nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
        [reference_json] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_channel_routes] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [chat_identities] (
        [id] uniqueidentifier NOT NULL,
        [person_id] uniqueidentifier NOT NULL,
        [provider] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [tenant] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [external_user_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [channel_user_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_chat_identities] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [inbound_clicks] (
        [id] bigint NOT NULL IDENTITY,
        [key] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [channel] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [tenant] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [user_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [verb] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [data] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [conversation_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [from_home] bit NOT NULL,
        [received_at] datetimeoffset NOT NULL,
        [lease_owner] nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
        [lease_until] datetimeoffset NULL,
        [attempts] int NOT NULL,
        [done_at] datetimeoffset NULL,
        [failure] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [pk_inbound_clicks] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [inbound_events] (
        [key] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [received_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_inbound_events] PRIMARY KEY ([key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [notice_flags] (
        [notice_id] uniqueidentifier NOT NULL,
        [flag_id] uniqueidentifier NOT NULL,
        CONSTRAINT [pk_notice_flags] PRIMARY KEY ([notice_id], [flag_id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [notices] (
        [id] uniqueidentifier NOT NULL,
        [dedupe_key] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [kind] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [audience] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [audience_id] uniqueidentifier NOT NULL,
        [urgent] bit NOT NULL,
        [payload] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [sent] bit NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_notices] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [people] (
        [id] uniqueidentifier NOT NULL,
        [email] nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [role] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [team_id] uniqueidentifier NULL,
        [external_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [time_zone] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [typical_calls_per_day] int NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_people] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [processed_actions] (
        [key] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [outcome] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_processed_actions] PRIMARY KEY ([key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [rubrics] (
        [id] uniqueidentifier NOT NULL,
        [key] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [version] int NOT NULL,
        [name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [call_type] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [overall_threshold] decimal(28,10) NOT NULL,
        [criteria] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_rubrics] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [scored_calls] (
        [id] uniqueidentifier NOT NULL,
        [source] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [call_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [agent_id] uniqueidentifier NOT NULL,
        [call_time] datetimeoffset NOT NULL,
        [duration_seconds] int NULL,
        [queue] nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
        [rubric_id] uniqueidentifier NOT NULL,
        [overall_score] decimal(28,10) NOT NULL,
        [recording_url] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        [content_hash] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [receipt_json] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [received_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_scored_calls] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [streak_cursors] (
        [agent_id] uniqueidentifier NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [revision] int NOT NULL,
        CONSTRAINT [pk_streak_cursors] PRIMARY KEY ([agent_id], [criterion_id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [teams] (
        [id] uniqueidentifier NOT NULL,
        [key] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [manager_id] uniqueidentifier NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_teams] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [web_messages] (
        [id] uniqueidentifier NOT NULL,
        [conversation_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [card_kind] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [subject_id] uniqueidentifier NOT NULL,
        [card_json] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [revision] int NOT NULL,
        [posted_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_web_messages] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [outbox_messages] (
        [id] bigint NOT NULL IDENTITY,
        [card_post_id] uniqueidentifier NOT NULL,
        [operation] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [lane] nvarchar(240) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [urgent] bit NOT NULL,
        [status] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [attempts] int NOT NULL,
        [next_attempt_at] datetimeoffset NOT NULL,
        [lease_owner] nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
        [lease_until] datetimeoffset NULL,
        [last_error] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        [outcome_unknown] bit NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [sent_at] datetimeoffset NULL,
        CONSTRAINT [pk_outbox_messages] PRIMARY KEY ([id]),
        CONSTRAINT [fk_outbox_messages_card_posts_card_post_id] FOREIGN KEY ([card_post_id]) REFERENCES [card_posts] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [criterion_scores] (
        [id] uniqueidentifier NOT NULL,
        [scored_call_id] uniqueidentifier NOT NULL,
        [agent_id] uniqueidentifier NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [score] decimal(28,10) NOT NULL,
        [quote] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        [offset_seconds] int NULL,
        [failing_sentence] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        [call_time] datetimeoffset NOT NULL,
        [overturned] bit NOT NULL,
        CONSTRAINT [pk_criterion_scores] PRIMARY KEY ([id]),
        CONSTRAINT [fk_criterion_scores_scored_calls_scored_call_id] FOREIGN KEY ([scored_call_id]) REFERENCES [scored_calls] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [flags] (
        [id] uniqueidentifier NOT NULL,
        [kind] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [urgent] bit NOT NULL,
        [status] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [agent_id] uniqueidentifier NOT NULL,
        [team_id] uniqueidentifier NULL,
        [scored_call_id] uniqueidentifier NOT NULL,
        [call_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [call_time] datetimeoffset NOT NULL,
        [rubric_id] uniqueidentifier NOT NULL,
        [rubric_version] int NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [weight] decimal(28,10) NOT NULL,
        [threshold] decimal(28,10) NOT NULL,
        [score] decimal(28,10) NOT NULL,
        [plan] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [follow_up_date] date NOT NULL,
        [cycle] int NOT NULL,
        [cycles_without_movement] int NOT NULL,
        [follow_up_extended] bit NOT NULL,
        [raised_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        [approved_by] uniqueidentifier NULL,
        [approved_at] datetimeoffset NULL,
        [session] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        [session_logged_at] datetimeoffset NULL,
        [practice_completed_at] datetimeoffset NULL,
        [last_follow_up] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        [closed_at] datetimeoffset NULL,
        [agent_accepted_at] datetimeoffset NULL,
        [dispute_id] uniqueidentifier NULL,
        [closing_note] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        [revision] int NOT NULL,
        [superseded_by] uniqueidentifier NULL,
        CONSTRAINT [pk_flags] PRIMARY KEY ([id]),
        CONSTRAINT [fk_flags_scored_calls_scored_call_id] FOREIGN KEY ([scored_call_id]) REFERENCES [scored_calls] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [disputes] (
        [id] uniqueidentifier NOT NULL,
        [flag_id] uniqueidentifier NOT NULL,
        [scored_call_id] uniqueidentifier NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [agent_id] uniqueidentifier NOT NULL,
        [reason] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [status] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [opened_at] datetimeoffset NOT NULL,
        [deadline] datetimeoffset NOT NULL,
        [decided_by] uniqueidentifier NULL,
        [decided_at] datetimeoffset NULL,
        [decision_note] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        [escalated] bit NOT NULL,
        CONSTRAINT [pk_disputes] PRIMARY KEY ([id]),
        CONSTRAINT [fk_disputes_flags_flag_id] FOREIGN KEY ([flag_id]) REFERENCES [flags] ([id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE TABLE [flag_streak_calls] (
        [id] uniqueidentifier NOT NULL,
        [scored_call_id] uniqueidentifier NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [source] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [call_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [call_time] datetimeoffset NOT NULL,
        [score] decimal(28,10) NOT NULL,
        [added_at] datetimeoffset NOT NULL,
        [flag_id] uniqueidentifier NOT NULL,
        CONSTRAINT [pk_flag_streak_calls] PRIMARY KEY ([id]),
        CONSTRAINT [fk_flag_streak_calls_flags_flag_id] FOREIGN KEY ([flag_id]) REFERENCES [flags] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_api_keys_hash] ON [api_keys] ([hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_api_keys_name] ON [api_keys] ([name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_audit_entries_entity_type_entity_id_id] ON [audit_entries] ([entity_type], [entity_id], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_card_posts_card_kind_subject_id_channel_conversation_id] ON [card_posts] ([card_kind], [subject_id], [channel], [conversation_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_card_posts_subject_id] ON [card_posts] ([subject_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_channel_installations_channel_tenant_scope] ON [channel_installations] ([channel], [tenant], [scope]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_channel_routes_channel_route_kind_subject_id] ON [channel_routes] ([channel], [route_kind], [subject_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_chat_identities_person_id] ON [chat_identities] ([person_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_chat_identities_provider_tenant_external_user_id] ON [chat_identities] ([provider], [tenant], [external_user_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_criterion_scores_agent_id_criterion_id_call_time] ON [criterion_scores] ([agent_id], [criterion_id], [call_time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_criterion_scores_scored_call_id] ON [criterion_scores] ([scored_call_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_disputes_flag_id] ON [disputes] ([flag_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_disputes_status_deadline] ON [disputes] ([status], [deadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flag_streak_calls_flag_id] ON [flag_streak_calls] ([flag_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_flag_streak_calls_scored_call_id_criterion_id] ON [flag_streak_calls] ([scored_call_id], [criterion_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_agent_id_criterion_id_status] ON [flags] ([agent_id], [criterion_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_scored_call_id] ON [flags] ([scored_call_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_session_logged_at_id] ON [flags] ([session_logged_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_status_follow_up_date] ON [flags] ([status], [follow_up_date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_superseded_by] ON [flags] ([superseded_by]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_team_id_status] ON [flags] ([team_id], [status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_flags_urgent_raised_at_id] ON [flags] ([urgent], [raised_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_inbound_clicks_done_at_id] ON [inbound_clicks] ([done_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_inbound_clicks_key] ON [inbound_clicks] ([key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_inbound_events_received_at] ON [inbound_events] ([received_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_notice_flags_flag_id] ON [notice_flags] ([flag_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_notices_dedupe_key] ON [notices] ([dedupe_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_notices_kind_created_at] ON [notices] ([kind], [created_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_card_post_id] ON [outbox_messages] ([card_post_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_lane_status_id] ON [outbox_messages] ([lane], [status], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_status_next_attempt_at] ON [outbox_messages] ([status], [next_attempt_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_outbox_messages_status_urgent_id] ON [outbox_messages] ([status], [urgent] DESC, [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_people_email] ON [people] ([email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_people_external_id] ON [people] ([external_id]) WHERE [external_id] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_people_team_id] ON [people] ([team_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_rubrics_key_version] ON [rubrics] ([key], [version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_scored_calls_agent_id_call_time] ON [scored_calls] ([agent_id], [call_time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_scored_calls_source_call_id] ON [scored_calls] ([source], [call_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_teams_key] ON [teams] ([key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    CREATE INDEX [ix_web_messages_conversation_id_posted_at] ON [web_messages] ([conversation_id], [posted_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    EXEC(N'CREATE TRIGGER [trg_audit_entries_append_only] ON [audit_entries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 51000, ''audit_entries is append-only'', 1; END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130185810_V0014_initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130185810_V0014_initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202437_V0015_import_jobs'
)
BEGIN
    CREATE TABLE [import_jobs] (
        [id] uniqueidentifier NOT NULL,
        [format] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [file_name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [status] nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [total_lines] int NOT NULL,
        [lines_read] int NOT NULL,
        [accepted] int NOT NULL,
        [duplicates] int NOT NULL,
        [invalid] int NOT NULL,
        [invalid_lines] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [active_milliseconds] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [started_at] datetimeoffset NULL,
        [finished_at] datetimeoffset NULL,
        [updated_at] datetimeoffset NULL,
        [lease_owner] nvarchar(100) COLLATE Latin1_General_100_BIN2 NULL,
        [lease_until] datetimeoffset NULL,
        CONSTRAINT [pk_import_jobs] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202437_V0015_import_jobs'
)
BEGIN
    CREATE TABLE [import_chunks] (
        [job_id] uniqueidentifier NOT NULL,
        [number] int NOT NULL,
        [count] int NOT NULL,
        [lines] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        CONSTRAINT [pk_import_chunks] PRIMARY KEY ([job_id], [number]),
        CONSTRAINT [fk_import_chunks_import_jobs_job_id] FOREIGN KEY ([job_id]) REFERENCES [import_jobs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202437_V0015_import_jobs'
)
BEGIN
    CREATE INDEX [ix_import_jobs_created_at_id] ON [import_jobs] ([created_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202437_V0015_import_jobs'
)
BEGIN
    CREATE INDEX [ix_import_jobs_status_created_at] ON [import_jobs] ([status], [created_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202437_V0015_import_jobs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130202437_V0015_import_jobs', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    CREATE TABLE [webhook_events] (
        [id] uniqueidentifier NOT NULL,
        [type] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [occurred_at] datetimeoffset NOT NULL,
        [payload] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        CONSTRAINT [pk_webhook_events] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    CREATE TABLE [webhook_subscriptions] (
        [id] uniqueidentifier NOT NULL,
        [url] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [event_types] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [secret] nvarchar(500) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [description] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [enabled] bit NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_webhook_subscriptions] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    CREATE TABLE [webhook_attempts] (
        [id] bigint NOT NULL IDENTITY,
        [subscription_id] uniqueidentifier NOT NULL,
        [event_id] uniqueidentifier NOT NULL,
        [outbox_message_id] bigint NOT NULL,
        [attempt] int NOT NULL,
        [at] datetimeoffset NOT NULL,
        [status_code] int NULL,
        [error] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NULL,
        [duration_ms] int NOT NULL,
        CONSTRAINT [pk_webhook_attempts] PRIMARY KEY ([id]),
        CONSTRAINT [fk_webhook_attempts_webhook_subscriptions_subscription_id] FOREIGN KEY ([subscription_id]) REFERENCES [webhook_subscriptions] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    CREATE INDEX [ix_webhook_attempts_subscription_id_outbox_message_id_id] ON [webhook_attempts] ([subscription_id], [outbox_message_id], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    CREATE INDEX [ix_webhook_subscriptions_created_at_id] ON [webhook_subscriptions] ([created_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130202738_V0016_webhooks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130202738_V0016_webhooks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222812_V0017_slack_installations'
)
BEGIN
    CREATE TABLE [data_protection_keys] (
        [id] int NOT NULL IDENTITY,
        [friendly_name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [xml] nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [pk_data_protection_keys] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222812_V0017_slack_installations'
)
BEGIN
    CREATE TABLE [slack_installations] (
        [id] uniqueidentifier NOT NULL,
        [install_key] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [team_id] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [enterprise_id] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [is_enterprise_install] bit NOT NULL,
        [app_id] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [bot_user_id] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [protected_bot_token] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [scopes] nvarchar(2000) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [installer_user_id] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [installed_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        [revoked_at] datetimeoffset NULL,
        [revoked_reason] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [pk_slack_installations] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222812_V0017_slack_installations'
)
BEGIN
    CREATE UNIQUE INDEX [ix_slack_installations_install_key] ON [slack_installations] ([install_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222812_V0017_slack_installations'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130222812_V0017_slack_installations', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    ALTER TABLE [flags] ADD [peer_score_id] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    CREATE TABLE [workshops] (
        [id] uniqueidentifier NOT NULL,
        [team_id] uniqueidentifier NOT NULL,
        [criterion_id] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [scheduled_for] date NOT NULL,
        [status] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [flag_ids] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [scheduled_by] uniqueidentifier NULL,
        [scheduled_at] datetimeoffset NOT NULL,
        [logged_by] uniqueidentifier NULL,
        [logged_at] datetimeoffset NULL,
        [revision] int NOT NULL,
        CONSTRAINT [pk_workshops] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    CREATE TABLE [workshop_flags] (
        [flag_id] uniqueidentifier NOT NULL,
        [workshop_id] uniqueidentifier NOT NULL,
        CONSTRAINT [pk_workshop_flags] PRIMARY KEY ([flag_id]),
        CONSTRAINT [fk_workshop_flags_workshops_workshop_id] FOREIGN KEY ([workshop_id]) REFERENCES [workshops] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    CREATE INDEX [ix_criterion_scores_criterion_id_call_time] ON [criterion_scores] ([criterion_id], [call_time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    CREATE INDEX [ix_workshop_flags_workshop_id] ON [workshop_flags] ([workshop_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    CREATE INDEX [ix_workshops_team_id_scheduled_at_id] ON [workshops] ([team_id], [scheduled_at], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130231959_V0019_peer_examples_and_workshops'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130231959_V0019_peer_examples_and_workshops', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232349_V0020_digest_delivery'
)
BEGIN
    ALTER TABLE [people] ADD [digest_delivery] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL DEFAULT N'Chat';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130232349_V0020_digest_delivery'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130232349_V0020_digest_delivery', N'10.0.15');
END;

COMMIT;
GO

