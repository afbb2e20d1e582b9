using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "announcements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    publish_from = table.Column<long>(type: "INTEGER", nullable: false),
                    publish_until = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    color_at_filing = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    attachment_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    target_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    poster_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    generation_number = table.Column<int>(type: "INTEGER", nullable: false),
                    via = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    checked_in_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_scan_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scan_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_ins", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_statistics_daily",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    code_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_statistics_daily", x => new { x.day, x.code_type, x.region_code, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "code_styles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    background_color = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    foreground_color = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    icon = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_styles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_usage_daily",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    code_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_usage_daily", x => new { x.day, x.code_type, x.region_code, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "color_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    old_color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    new_color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason_codes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_color_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "color_overrides",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    appeal_id = table.Column<long>(type: "INTEGER", nullable: true),
                    color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_color_overrides", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_phones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_phones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "custom_forms",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_forms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "face_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faq_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    contact_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    replied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    replied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "health_data_import_rejections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    import_id = table.Column<long>(type: "INTEGER", nullable: false),
                    line = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    raw = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_data_import_rejections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "health_data_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    total_rows = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted_rows = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected_rows = table.Column<long>(type: "INTEGER", nullable: false),
                    recomputed_persons = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_data_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "health_declarations",
                columns: table => new
                {
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    symptoms = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    temperature = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    modification_count = table.Column<int>(type: "INTEGER", nullable: false),
                    region_since = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_declarations", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "health_statuses",
                columns: table => new
                {
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reason_codes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    reason_texts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    review_at = table.Column<long>(type: "INTEGER", nullable: true),
                    latest_negative_sample_at = table.Column<long>(type: "INTEGER", nullable: true),
                    vaccination = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    revoked_before = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_statuses", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "high_risk_regions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_high_risk_regions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    job_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    fire_instance_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scheduled_for = table.Column<long>(type: "INTEGER", nullable: true),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    items_processed = table.Column<int>(type: "INTEGER", nullable: false),
                    error_message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nucleic_acid_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    sampled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    negative = table.Column<bool>(type: "INTEGER", nullable: false),
                    institution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nucleic_acid_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offline_cards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_by_account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revocation_reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offline_cards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisations_organisations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    document_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    document_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    document_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    anonymised_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portrait_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portrait_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    owner_account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    venue_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    venue_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_phone_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    contact_phone_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    contact_phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_list_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_list_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scan_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    scanner_account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    temperature = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    color = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reason_codes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    reason_texts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    turn_back = table.Column<bool>(type: "INTEGER", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    scanned_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scan_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_codes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    phone_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ip_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    consumed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    permissions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "temperature_readings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    celsius = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    measured_at = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_temperature_readings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vaccination_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    dose = table.Column<int>(type: "INTEGER", nullable: false),
                    vaccinated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    product = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    completes_series = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vaccination_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_fields",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    form_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    required = table.Column<bool>(type: "INTEGER", nullable: false),
                    options = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_fields", x => x.id);
                    table.ForeignKey(
                        name: "fk_form_fields_custom_forms_form_id",
                        column: x => x.form_id,
                        principalTable: "custom_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "form_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    form_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    answers = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_form_submissions_custom_forms_form_id",
                        column: x => x.form_id,
                        principalTable: "custom_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "faq_questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    is_hot = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_questions_faq_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "faq_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notice_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_deliveries_notices_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sites", x => x.id);
                    table.ForeignKey(
                        name: "fk_sites_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    phone_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    wechat_open_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    wechat_union_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    wechat_session_key_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    alipay_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    alipay_open_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    username = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    failed_password_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_accounts_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "portraits",
                columns: table => new
                {
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: false),
                    height = table.Column<int>(type: "INTEGER", nullable: false),
                    length = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portraits", x => x.person_id);
                    table.ForeignKey(
                        name: "fk_portraits_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "poster_generations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    poster_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scene_token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_until = table.Column<long>(type: "INTEGER", nullable: true),
                    wechat_code = table.Column<byte[]>(type: "BLOB", nullable: true),
                    alipay_qr_code_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_poster_generations", x => x.id);
                    table.ForeignKey(
                        name: "fk_poster_generations_posters_poster_id",
                        column: x => x.poster_id,
                        principalTable: "posters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scan_record_sites",
                columns: table => new
                {
                    scan_record_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    scanned_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scan_record_sites", x => new { x.scan_record_id, x.site_id });
                    table.ForeignKey(
                        name: "fk_scan_record_sites_scan_records_scan_record_id",
                        column: x => x.scan_record_id,
                        principalTable: "scan_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    username = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    id_number_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    site_id = table.Column<long>(type: "INTEGER", nullable: true),
                    role_id = table.Column<long>(type: "INTEGER", nullable: false),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failed_login_count = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_login_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_members_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "household_relatives",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    holder_account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    slot = table.Column<int>(type: "INTEGER", nullable: false),
                    relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    consent_by = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    consent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    face_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_relatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_household_relatives_accounts_holder_account_id",
                        column: x => x.holder_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_household_relatives_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "scanner_managed_sites",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scanner_managed_sites", x => new { x.account_id, x.site_id });
                    table.ForeignKey(
                        name: "fk_scanner_managed_sites_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scanner_managed_sites_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scanner_profiles",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    parent_account_id = table.Column<long>(type: "INTEGER", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    id_number_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    phone_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    phone_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    remarks = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scanner_profiles", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_scanner_profiles_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scanner_profiles_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "scanner_report_sites",
                columns: table => new
                {
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    site_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scanner_report_sites", x => new { x.account_id, x.site_id });
                    table.ForeignKey(
                        name: "fk_scanner_report_sites_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scanner_report_sites_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    stay_logged_in = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sessions_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_preferences",
                columns: table => new
                {
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_preferences", x => new { x.staff_id, x.key });
                    table.ForeignKey(
                        name: "fk_staff_preferences_staff_members_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_alipay_open_id",
                table: "accounts",
                column: "alipay_open_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_alipay_user_id",
                table: "accounts",
                column: "alipay_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_person_id",
                table: "accounts",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_phone_index",
                table: "accounts",
                column: "phone_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_username",
                table: "accounts",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_wechat_open_id",
                table: "accounts",
                column: "wechat_open_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_announcements_publish_from",
                table: "announcements",
                column: "publish_from");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_person_id_filed_at",
                table: "appeals",
                columns: new[] { "person_id", "filed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_status",
                table: "appeals",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_target_type_target_id",
                table: "audit_entries",
                columns: new[] { "target_type", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_checked_in_at",
                table: "check_ins",
                column: "checked_in_at");

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_person_id_poster_id_checked_in_at",
                table: "check_ins",
                columns: new[] { "person_id", "poster_id", "checked_in_at" });

            migrationBuilder.CreateIndex(
                name: "ix_check_ins_poster_id_checked_in_at",
                table: "check_ins",
                columns: new[] { "poster_id", "checked_in_at" });

            migrationBuilder.CreateIndex(
                name: "ix_code_styles_code_type_active",
                table: "code_styles",
                columns: new[] { "code_type", "active" });

            migrationBuilder.CreateIndex(
                name: "ix_color_changes_person_id_at",
                table: "color_changes",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_color_overrides_person_id_status",
                table: "color_overrides",
                columns: new[] { "person_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_phones_region_code",
                table: "consultation_phones",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_custom_forms_region_code",
                table: "custom_forms",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_face_verifications_person_id_verified_at",
                table: "face_verifications",
                columns: new[] { "person_id", "verified_at" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_categories_name",
                table: "faq_categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_faq_questions_category_id",
                table: "faq_questions",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_entries_account_id",
                table: "feedback_entries",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_entries_created_at",
                table: "feedback_entries",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_entries_status",
                table: "feedback_entries",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_form_fields_form_id_key",
                table: "form_fields",
                columns: new[] { "form_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_account_id",
                table: "form_submissions",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_form_id",
                table: "form_submissions",
                column: "form_id");

            migrationBuilder.CreateIndex(
                name: "ix_health_data_import_rejections_import_id_line",
                table: "health_data_import_rejections",
                columns: new[] { "import_id", "line" });

            migrationBuilder.CreateIndex(
                name: "ix_health_data_imports_started_at",
                table: "health_data_imports",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_health_statuses_review_at",
                table: "health_statuses",
                column: "review_at");

            migrationBuilder.CreateIndex(
                name: "ix_high_risk_regions_region_code_starts_on",
                table: "high_risk_regions",
                columns: new[] { "region_code", "starts_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_relatives_holder_account_id_person_id",
                table: "household_relatives",
                columns: new[] { "holder_account_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_relatives_holder_account_id_slot",
                table: "household_relatives",
                columns: new[] { "holder_account_id", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_household_relatives_person_id",
                table: "household_relatives",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_job_name_started_at",
                table: "job_runs",
                columns: new[] { "job_name", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_started_at",
                table: "job_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_notice_deliveries_notice_id",
                table: "notice_deliveries",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_deliveries_status_next_attempt_at",
                table: "notice_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_person_id_created_at",
                table: "notices",
                columns: new[] { "person_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_nucleic_acid_results_document_index_sampled_at",
                table: "nucleic_acid_results",
                columns: new[] { "document_index", "sampled_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nucleic_acid_results_person_id",
                table: "nucleic_acid_results",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_offline_cards_issued_by_account_id_issued_at",
                table: "offline_cards",
                columns: new[] { "issued_by_account_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_offline_cards_payload_hash",
                table: "offline_cards",
                column: "payload_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offline_cards_person_id_issued_at",
                table: "offline_cards",
                columns: new[] { "person_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_offline_cards_status_expires_at",
                table: "offline_cards",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_parent_id",
                table: "organisations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_region_code",
                table: "organisations",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_persons_document_index",
                table: "persons",
                column: "document_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_portrait_attempts_person_id_at",
                table: "portrait_attempts",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_poster_generations_poster_id_number",
                table: "poster_generations",
                columns: new[] { "poster_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_posters_owner_account_id",
                table: "posters",
                column: "owner_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_posters_region_code",
                table: "posters",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_risk_list_entries_document_index_kind_starts_on",
                table: "risk_list_entries",
                columns: new[] { "document_index", "kind", "starts_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_list_entries_person_id",
                table: "risk_list_entries",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_scan_record_sites_site_id_scanned_at",
                table: "scan_record_sites",
                columns: new[] { "site_id", "scanned_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scan_records_person_id_scanned_at",
                table: "scan_records",
                columns: new[] { "person_id", "scanned_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scan_records_scanned_at",
                table: "scan_records",
                column: "scanned_at");

            migrationBuilder.CreateIndex(
                name: "ix_scan_records_scanner_account_id_idempotency_key",
                table: "scan_records",
                columns: new[] { "scanner_account_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scanner_managed_sites_site_id",
                table: "scanner_managed_sites",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_scanner_profiles_id_number_index",
                table: "scanner_profiles",
                column: "id_number_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scanner_profiles_parent_account_id",
                table: "scanner_profiles",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_scanner_profiles_phone_index",
                table: "scanner_profiles",
                column: "phone_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scanner_profiles_site_id",
                table: "scanner_profiles",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_scanner_report_sites_site_id",
                table: "scanner_report_sites",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_links_region_code",
                table: "service_links",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_account_id",
                table: "sessions",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_expires_at",
                table: "sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_token_hash",
                table: "sessions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sites_organisation_id",
                table: "sites",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_sites_region_code",
                table: "sites",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_sms_codes_ip_index_created_at",
                table: "sms_codes",
                columns: new[] { "ip_index", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sms_codes_phone_index_created_at",
                table: "sms_codes",
                columns: new[] { "phone_index", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_id_number_index",
                table: "staff_members",
                column: "id_number_index");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_organisation_id",
                table: "staff_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_role_id",
                table: "staff_members",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_site_id",
                table: "staff_members",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_username",
                table: "staff_members",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_roles_name",
                table: "staff_roles",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_temperature_readings_person_id_measured_at",
                table: "temperature_readings",
                columns: new[] { "person_id", "measured_at" });

            migrationBuilder.CreateIndex(
                name: "ix_vaccination_records_document_index_dose",
                table: "vaccination_records",
                columns: new[] { "document_index", "dose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vaccination_records_person_id",
                table: "vaccination_records",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcements");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "code_statistics_daily");

            migrationBuilder.DropTable(
                name: "code_styles");

            migrationBuilder.DropTable(
                name: "code_usage_daily");

            migrationBuilder.DropTable(
                name: "color_changes");

            migrationBuilder.DropTable(
                name: "color_overrides");

            migrationBuilder.DropTable(
                name: "consultation_phones");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "face_verifications");

            migrationBuilder.DropTable(
                name: "faq_questions");

            migrationBuilder.DropTable(
                name: "feedback_entries");

            migrationBuilder.DropTable(
                name: "form_fields");

            migrationBuilder.DropTable(
                name: "form_submissions");

            migrationBuilder.DropTable(
                name: "health_data_import_rejections");

            migrationBuilder.DropTable(
                name: "health_data_imports");

            migrationBuilder.DropTable(
                name: "health_declarations");

            migrationBuilder.DropTable(
                name: "health_statuses");

            migrationBuilder.DropTable(
                name: "high_risk_regions");

            migrationBuilder.DropTable(
                name: "household_relatives");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "notice_deliveries");

            migrationBuilder.DropTable(
                name: "nucleic_acid_results");

            migrationBuilder.DropTable(
                name: "offline_cards");

            migrationBuilder.DropTable(
                name: "portrait_attempts");

            migrationBuilder.DropTable(
                name: "portraits");

            migrationBuilder.DropTable(
                name: "poster_generations");

            migrationBuilder.DropTable(
                name: "risk_list_entries");

            migrationBuilder.DropTable(
                name: "scan_record_sites");

            migrationBuilder.DropTable(
                name: "scanner_managed_sites");

            migrationBuilder.DropTable(
                name: "scanner_profiles");

            migrationBuilder.DropTable(
                name: "scanner_report_sites");

            migrationBuilder.DropTable(
                name: "service_links");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "sms_codes");

            migrationBuilder.DropTable(
                name: "staff_preferences");

            migrationBuilder.DropTable(
                name: "temperature_readings");

            migrationBuilder.DropTable(
                name: "vaccination_records");

            migrationBuilder.DropTable(
                name: "faq_categories");

            migrationBuilder.DropTable(
                name: "custom_forms");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "posters");

            migrationBuilder.DropTable(
                name: "scan_records");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
