-- 0200_health_codes
CREATE TABLE "appeals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_appeals" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "color_at_filing" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment_name" TEXT NULL,
    "attachment" BLOB NULL,
    "status" TEXT NOT NULL,
    "filed_at" INTEGER NOT NULL,
    "resolved_by" TEXT NULL,
    "resolved_at" INTEGER NULL,
    "resolution" TEXT NULL
);

CREATE TABLE "code_usage_daily" (
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_code_usage_daily" PRIMARY KEY ("day", "metric")
);

CREATE TABLE "color_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_color_changes" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "old_color" TEXT NULL,
    "new_color" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason_codes" TEXT NOT NULL,
    "at" INTEGER NOT NULL
);

CREATE TABLE "color_overrides" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_color_overrides" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "appeal_id" INTEGER NULL,
    "color" TEXT NOT NULL,
    "reason_code" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" INTEGER NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "ends_at" INTEGER NULL
);

CREATE TABLE "health_data_import_rejections" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_health_data_import_rejections" PRIMARY KEY AUTOINCREMENT,
    "import_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL
);

CREATE TABLE "health_data_imports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_health_data_imports" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "started_at" INTEGER NOT NULL,
    "finished_at" INTEGER NULL,
    "total_rows" INTEGER NOT NULL,
    "accepted_rows" INTEGER NOT NULL,
    "rejected_rows" INTEGER NOT NULL,
    "recomputed_persons" INTEGER NOT NULL
);

CREATE TABLE "health_declarations" (
    "person_id" INTEGER NOT NULL CONSTRAINT "pk_health_declarations" PRIMARY KEY,
    "symptoms" TEXT NOT NULL,
    "temperature" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "remarks" TEXT NULL,
    "submitted_at" INTEGER NOT NULL,
    "changed_at" INTEGER NOT NULL,
    "modification_count" INTEGER NOT NULL,
    "region_since" INTEGER NOT NULL,
    "changed_by" TEXT NOT NULL
);

CREATE TABLE "health_statuses" (
    "person_id" INTEGER NOT NULL CONSTRAINT "pk_health_statuses" PRIMARY KEY,
    "color" TEXT NOT NULL,
    "reason_codes" TEXT NOT NULL,
    "reason_texts" TEXT NOT NULL,
    "computed_at" INTEGER NOT NULL,
    "review_at" INTEGER NULL,
    "latest_negative_sample_at" INTEGER NULL,
    "vaccination" TEXT NOT NULL,
    "revoked_before" INTEGER NULL
);

CREATE TABLE "high_risk_regions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_high_risk_regions" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notices" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "read_at" INTEGER NULL
);

CREATE TABLE "nucleic_acid_results" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_nucleic_acid_results" PRIMARY KEY AUTOINCREMENT,
    "document_index" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "sampled_at" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "institution" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "risk_list_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_risk_list_entries" PRIMARY KEY AUTOINCREMENT,
    "document_index" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "kind" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "temperature_readings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_temperature_readings" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "celsius" TEXT NOT NULL,
    "measured_at" INTEGER NOT NULL,
    "source" TEXT NOT NULL
);

CREATE TABLE "vaccination_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_vaccination_records" PRIMARY KEY AUTOINCREMENT,
    "document_index" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "dose" INTEGER NOT NULL,
    "vaccinated_on" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "completes_series" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE INDEX "ix_appeals_person_id_filed_at" ON "appeals" ("person_id", "filed_at");

CREATE INDEX "ix_appeals_status" ON "appeals" ("status");

CREATE INDEX "ix_color_changes_person_id_at" ON "color_changes" ("person_id", "at");

CREATE INDEX "ix_color_overrides_person_id_status" ON "color_overrides" ("person_id", "status");

CREATE INDEX "ix_health_data_import_rejections_import_id_line" ON "health_data_import_rejections" ("import_id", "line");

CREATE INDEX "ix_health_data_imports_started_at" ON "health_data_imports" ("started_at");

CREATE INDEX "ix_health_statuses_review_at" ON "health_statuses" ("review_at");

CREATE UNIQUE INDEX "ix_high_risk_regions_region_code_starts_on" ON "high_risk_regions" ("region_code", "starts_on");

CREATE INDEX "ix_notices_person_id_created_at" ON "notices" ("person_id", "created_at");

CREATE UNIQUE INDEX "ix_nucleic_acid_results_document_index_sampled_at" ON "nucleic_acid_results" ("document_index", "sampled_at");

CREATE INDEX "ix_nucleic_acid_results_person_id" ON "nucleic_acid_results" ("person_id");

CREATE UNIQUE INDEX "ix_risk_list_entries_document_index_kind_starts_on" ON "risk_list_entries" ("document_index", "kind", "starts_on");

CREATE INDEX "ix_risk_list_entries_person_id" ON "risk_list_entries" ("person_id");

CREATE INDEX "ix_temperature_readings_person_id_measured_at" ON "temperature_readings" ("person_id", "measured_at");

CREATE UNIQUE INDEX "ix_vaccination_records_document_index_dose" ON "vaccination_records" ("document_index", "dose");

CREATE INDEX "ix_vaccination_records_person_id" ON "vaccination_records" ("person_id");
