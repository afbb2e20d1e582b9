using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    auth_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_probed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_probe_available = table.Column<bool>(type: "INTEGER", nullable: true),
                    last_probe_result = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_interfaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_interface_probes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    interface_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    available = table.Column<bool>(type: "INTEGER", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    elapsed_ms = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    interface_id = table.Column<long>(type: "INTEGER", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    import_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_pulled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_pull_ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    last_pull_result = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    last_pull_position = table.Column<int>(type: "INTEGER", nullable: true)
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
