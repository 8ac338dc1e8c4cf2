using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachLoop.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class V0019_peer_examples_and_workshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "peer_score_id",
                table: "flags",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "workshops",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    team_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    criterion_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Latin1_General_100_BIN2"),
                    scheduled_for = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_BIN2"),
                    flag_ids = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    scheduled_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    scheduled_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    logged_by = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    logged_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshops", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workshop_flags",
                columns: table => new
                {
                    flag_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    workshop_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workshop_flags", x => x.flag_id);
                    table.ForeignKey(
                        name: "fk_workshop_flags_workshops_workshop_id",
                        column: x => x.workshop_id,
                        principalTable: "workshops",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_criterion_scores_criterion_id_call_time",
                table: "criterion_scores",
                columns: new[] { "criterion_id", "call_time" });

            migrationBuilder.CreateIndex(
                name: "ix_workshop_flags_workshop_id",
                table: "workshop_flags",
                column: "workshop_id");

            migrationBuilder.CreateIndex(
                name: "ix_workshops_team_id_scheduled_at_id",
                table: "workshops",
                columns: new[] { "team_id", "scheduled_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workshop_flags");

            migrationBuilder.DropTable(
                name: "workshops");

            migrationBuilder.DropIndex(
                name: "ix_criterion_scores_criterion_id_call_time",
                table: "criterion_scores");

            migrationBuilder.DropColumn(
                name: "peer_score_id",
                table: "flags");
        }
    }
}
