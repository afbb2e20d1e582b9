using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsentsImportApprovalSubSitesDataSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "parent_id",
                table: "sites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "decided_at",
                table: "health_data_imports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by",
                table: "health_data_imports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "health_data_imports",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "health_data_imports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Applied");

            migrationBuilder.AddColumn<string>(
                name: "grantee_document_type",
                table: "errand_authorisations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "ResidentId");

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    given_at = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consents", x => x.id);
                });

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
                name: "health_data_import_staged_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    import_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_data_import_staged_rows", x => x.id);
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
                name: "ix_sites_parent_id",
                table: "sites",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_health_data_imports_status",
                table: "health_data_imports",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_submitted_at",
                table: "form_submissions",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_consents_account_id_purpose",
                table: "consents",
                columns: new[] { "account_id", "purpose" });

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

            migrationBuilder.CreateIndex(
                name: "ix_health_data_import_staged_rows_import_id_line",
                table: "health_data_import_staged_rows",
                columns: new[] { "import_id", "line" });

            migrationBuilder.AddForeignKey(
                name: "fk_sites_sites_parent_id",
                table: "sites",
                column: "parent_id",
                principalTable: "sites",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Rejected rows stored before masking hold full ID numbers and cannot be masked in SQL common to both
            // databases: they are dropped (the imports keep their counts).
            migrationBuilder.Sql("DELETE FROM health_data_import_rejections;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_sites_sites_parent_id",
                table: "sites");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "data_interface_probes");

            migrationBuilder.DropTable(
                name: "data_needs");

            migrationBuilder.DropTable(
                name: "health_data_import_staged_rows");

            migrationBuilder.DropTable(
                name: "data_interfaces");

            migrationBuilder.DropIndex(
                name: "ix_sites_parent_id",
                table: "sites");

            migrationBuilder.DropIndex(
                name: "ix_health_data_imports_status",
                table: "health_data_imports");

            migrationBuilder.DropIndex(
                name: "ix_form_submissions_submitted_at",
                table: "form_submissions");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "decided_by",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "region_code",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "status",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "grantee_document_type",
                table: "errand_authorisations");
        }
    }
}
