using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachLoop.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class V0020_digest_delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "digest_delivery",
                table: "people",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                // Hand-finished: people stored before keep getting their digest in chat (EF would write '', which no
                // DigestDelivery reads as).
                defaultValue: "Chat",
                collation: "Latin1_General_100_BIN2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "digest_delivery",
                table: "people");
        }
    }
}
