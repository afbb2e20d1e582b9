using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EngineB : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_interfaces",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    method = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    auth_kind = table.Column<int>(type: "integer", nullable: false),
                    fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_probed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_probe_available = table.Column<bool>(type: "boolean", nullable: true),
                    last_probe_result = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_interfaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_interface_probes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    interface_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    available = table.Column<bool>(type: "boolean", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    elapsed_ms = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_interface_probes", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_interface_probes_data_interfaces_interface_id",
                        column: x => x.interface_id,
                        principalTable: "data_interfaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_needs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    interface_id = table.Column<long>(type: "bigint", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    import_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_pulled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_pull_ok = table.Column<bool>(type: "boolean", nullable: true),
                    last_pull_result = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    last_pull_position = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_needs_data_interfaces_interface_id",
                        column: x => x.interface_id,
                        principalTable: "data_interfaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_interface_probes_interface_id_at",
                table: "data_interface_probes",
                columns: new[] { "interface_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_data_interfaces_name",
                table: "data_interfaces",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_needs_enabled_priority_id",
                table: "data_needs",
                columns: new[] { "enabled", "priority", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_data_needs_interface_id",
                table: "data_needs",
                column: "interface_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_interface_probes");

            migrationBuilder.DropTable(
                name: "data_needs");

            migrationBuilder.DropTable(
                name: "data_interfaces");
        }
    }
}
