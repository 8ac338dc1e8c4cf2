using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachLoop.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class V0014_initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    prefix = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    is_admin = table.Column<bool>(type: "bit", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    rotated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entity_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    entity_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    actor_person_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    actor_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    actor_role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    channel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    before = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    after = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_BIN2"),
                    detail = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "card_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    card_kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    subject_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    conversation_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    message_ref = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    urgent = table.Column<bool>(type: "bit", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channel_installations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    tenant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    scope = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    active = table.Column<bool>(type: "bit", nullable: false),
                    installed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_installations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channel_routes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    route_kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    subject_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    tenant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    conversation_id = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_BIN2"),
                    service_url = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_BIN2"),
                    reference_json = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_routes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chat_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    person_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    provider = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    tenant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    external_user_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    channel_user_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_identities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_clicks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    tenant = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    user_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    verb = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    data = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    conversation_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    from_home = table.Column<bool>(type: "bit", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    lease_owner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    lease_until = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    failure = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_clicks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_events",
                columns: table => new
                {
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    received_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_events", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "notice_flags",
                columns: table => new
                {
                    notice_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    flag_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_flags", x => new { x.notice_id, x.flag_id });
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    dedupe_key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    audience = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_BIN2"),
                    audience_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    urgent = table.Column<bool>(type: "bit", nullable: false),
                    payload = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    sent = table.Column<bool>(type: "bit", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    team_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    external_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Latin1_General_100_BIN2"),
                    time_zone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    typical_calls_per_day = table.Column<int>(type: "int", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processed_actions",
                columns: table => new
                {
                    key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    outcome = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_actions", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "rubrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    version = table.Column<int>(type: "int", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    call_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    overall_threshold = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    criteria = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rubrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scored_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    call_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    agent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    call_time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    duration_seconds = table.Column<int>(type: "int", nullable: true),
                    queue = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    rubric_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    overall_score = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    recording_url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    content_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    receipt_json = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    received_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scored_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "streak_cursors",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_streak_cursors", x => new { x.agent_id, x.criterion_id });
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    manager_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "web_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    conversation_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    card_kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    subject_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    card_json = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    revision = table.Column<int>(type: "int", nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_web_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    card_post_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    operation = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    lane = table.Column<string>(type: "nvarchar(240)", maxLength: 240, nullable: false, collation: "Latin1_General_100_BIN2"),
                    urgent = table.Column<bool>(type: "bit", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    lease_owner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_BIN2"),
                    lease_until = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    last_error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    outcome_unknown = table.Column<bool>(type: "bit", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_card_posts_card_post_id",
                        column: x => x.card_post_id,
                        principalTable: "card_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "criterion_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    scored_call_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    agent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    score = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    quote = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    offset_seconds = table.Column<int>(type: "int", nullable: true),
                    failing_sentence = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    call_time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    overturned = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criterion_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_criterion_scores_scored_calls_scored_call_id",
                        column: x => x.scored_call_id,
                        principalTable: "scored_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    urgent = table.Column<bool>(type: "bit", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    agent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    team_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    scored_call_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    call_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    call_time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    rubric_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    rubric_version = table.Column<int>(type: "int", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    weight = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    threshold = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    score = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    plan = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    follow_up_date = table.Column<DateOnly>(type: "date", nullable: false),
                    cycle = table.Column<int>(type: "int", nullable: false),
                    cycles_without_movement = table.Column<int>(type: "int", nullable: false),
                    follow_up_extended = table.Column<bool>(type: "bit", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    approved_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    session = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    session_logged_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    practice_completed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    last_follow_up = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Latin1_General_100_BIN2"),
                    closed_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    agent_accepted_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    dispute_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    closing_note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    revision = table.Column<int>(type: "int", nullable: false),
                    superseded_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_flags_scored_calls_scored_call_id",
                        column: x => x.scored_call_id,
                        principalTable: "scored_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    flag_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    scored_call_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    agent_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Latin1_General_100_BIN2"),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    opened_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    decided_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    decision_note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    escalated = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disputes", x => x.id);
                    table.ForeignKey(
                        name: "fk_disputes_flags_flag_id",
                        column: x => x.flag_id,
                        principalTable: "flags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "flag_streak_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    scored_call_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    call_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_BIN2"),
                    call_time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    score = table.Column<decimal>(type: "decimal(28,10)", precision: 28, scale: 10, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    flag_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flag_streak_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_flag_streak_calls_flags_flag_id",
                        column: x => x.flag_id,
                        principalTable: "flags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_name",
                table: "api_keys",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_card_posts_card_kind_subject_id_channel_conversation_id",
                table: "card_posts",
                columns: new[] { "card_kind", "subject_id", "channel", "conversation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_card_posts_subject_id",
                table: "card_posts",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_channel_installations_channel_tenant_scope",
                table: "channel_installations",
                columns: new[] { "channel", "tenant", "scope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_channel_routes_channel_route_kind_subject_id",
                table: "channel_routes",
                columns: new[] { "channel", "route_kind", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_identities_person_id",
                table: "chat_identities",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_identities_provider_tenant_external_user_id",
                table: "chat_identities",
                columns: new[] { "provider", "tenant", "external_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criterion_scores_agent_id_criterion_id_call_time",
                table: "criterion_scores",
                columns: new[] { "agent_id", "criterion_id", "call_time" });

            migrationBuilder.CreateIndex(
                name: "ix_criterion_scores_scored_call_id",
                table: "criterion_scores",
                column: "scored_call_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputes_flag_id",
                table: "disputes",
                column: "flag_id");

            migrationBuilder.CreateIndex(
                name: "ix_disputes_status_deadline",
                table: "disputes",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_flag_streak_calls_flag_id",
                table: "flag_streak_calls",
                column: "flag_id");

            migrationBuilder.CreateIndex(
                name: "ix_flag_streak_calls_scored_call_id_criterion_id",
                table: "flag_streak_calls",
                columns: new[] { "scored_call_id", "criterion_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flags_agent_id_criterion_id_status",
                table: "flags",
                columns: new[] { "agent_id", "criterion_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_flags_scored_call_id",
                table: "flags",
                column: "scored_call_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_session_logged_at_id",
                table: "flags",
                columns: new[] { "session_logged_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_flags_status_follow_up_date",
                table: "flags",
                columns: new[] { "status", "follow_up_date" });

            migrationBuilder.CreateIndex(
                name: "ix_flags_superseded_by",
                table: "flags",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ix_flags_team_id_status",
                table: "flags",
                columns: new[] { "team_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_flags_urgent_raised_at_id",
                table: "flags",
                columns: new[] { "urgent", "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_clicks_done_at_id",
                table: "inbound_clicks",
                columns: new[] { "done_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_clicks_key",
                table: "inbound_clicks",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_events_received_at",
                table: "inbound_events",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_notice_flags_flag_id",
                table: "notice_flags",
                column: "flag_id");

            migrationBuilder.CreateIndex(
                name: "ix_notices_dedupe_key",
                table: "notices",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notices_kind_created_at",
                table: "notices",
                columns: new[] { "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_card_post_id",
                table: "outbox_messages",
                column: "card_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lane_status_id",
                table: "outbox_messages",
                columns: new[] { "lane", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_urgent_id",
                table: "outbox_messages",
                columns: new[] { "status", "urgent", "id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_people_email",
                table: "people",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_external_id",
                table: "people",
                column: "external_id",
                unique: true,
                filter: "[external_id] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_team_id",
                table: "people",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_rubrics_key_version",
                table: "rubrics",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scored_calls_agent_id_call_time",
                table: "scored_calls",
                columns: new[] { "agent_id", "call_time" });

            migrationBuilder.CreateIndex(
                name: "ix_scored_calls_source_call_id",
                table: "scored_calls",
                columns: new[] { "source", "call_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teams_key",
                table: "teams",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_web_messages_conversation_id_posted_at",
                table: "web_messages",
                columns: new[] { "conversation_id", "posted_at" });

            // Finished by hand (EF makes no triggers): audit rows are append-only in the database too, as on SQLite and PostgreSQL.
            // Through EXEC: CREATE TRIGGER must start a batch, and the idempotent script wraps each step in IF ... BEGIN ... END.
            migrationBuilder.Sql(
                "EXEC(N'CREATE TRIGGER [trg_audit_entries_append_only] ON [audit_entries] INSTEAD OF UPDATE, DELETE AS " +
                "BEGIN SET NOCOUNT ON; THROW 51000, ''audit_entries is append-only'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER [trg_audit_entries_append_only]");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "channel_installations");

            migrationBuilder.DropTable(
                name: "channel_routes");

            migrationBuilder.DropTable(
                name: "chat_identities");

            migrationBuilder.DropTable(
                name: "criterion_scores");

            migrationBuilder.DropTable(
                name: "disputes");

            migrationBuilder.DropTable(
                name: "flag_streak_calls");

            migrationBuilder.DropTable(
                name: "inbound_clicks");

            migrationBuilder.DropTable(
                name: "inbound_events");

            migrationBuilder.DropTable(
                name: "notice_flags");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "processed_actions");

            migrationBuilder.DropTable(
                name: "rubrics");

            migrationBuilder.DropTable(
                name: "streak_cursors");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "web_messages");

            migrationBuilder.DropTable(
                name: "flags");

            migrationBuilder.DropTable(
                name: "card_posts");

            migrationBuilder.DropTable(
                name: "scored_calls");
        }
    }
}
