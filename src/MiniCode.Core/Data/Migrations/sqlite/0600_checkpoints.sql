-- 0600_checkpoints
CREATE TABLE "scan_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_scan_records" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "scanner_account_id" INTEGER NOT NULL,
    "site_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "temperature" TEXT NOT NULL,
    "remarks" TEXT NULL,
    "color" TEXT NOT NULL,
    "reason_codes" TEXT NOT NULL,
    "reason_texts" TEXT NOT NULL,
    "turn_back" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "scanned_at" INTEGER NOT NULL
);

CREATE TABLE "scan_record_sites" (
    "scan_record_id" INTEGER NOT NULL,
    "site_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "scanned_at" INTEGER NOT NULL,
    CONSTRAINT "pk_scan_record_sites" PRIMARY KEY ("scan_record_id", "site_id"),
    CONSTRAINT "fk_scan_record_sites_scan_records_scan_record_id" FOREIGN KEY ("scan_record_id") REFERENCES "scan_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "scanner_managed_sites" (
    "account_id" INTEGER NOT NULL,
    "site_id" INTEGER NOT NULL,
    CONSTRAINT "pk_scanner_managed_sites" PRIMARY KEY ("account_id", "site_id"),
    CONSTRAINT "fk_scanner_managed_sites_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_scanner_managed_sites_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "sites" ("id") ON DELETE CASCADE
);

CREATE TABLE "scanner_profiles" (
    "account_id" INTEGER NOT NULL CONSTRAINT "pk_scanner_profiles" PRIMARY KEY,
    "site_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "parent_account_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "id_number_cipher" TEXT NOT NULL,
    "id_number_index" TEXT NOT NULL,
    "id_number_masked" TEXT NOT NULL,
    "phone_cipher" TEXT NOT NULL,
    "phone_index" TEXT NOT NULL,
    "phone_masked" TEXT NOT NULL,
    "remarks" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_scanner_profiles_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_scanner_profiles_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "sites" ("id") ON DELETE RESTRICT
);

CREATE TABLE "scanner_report_sites" (
    "account_id" INTEGER NOT NULL,
    "site_id" INTEGER NOT NULL,
    CONSTRAINT "pk_scanner_report_sites" PRIMARY KEY ("account_id", "site_id"),
    CONSTRAINT "fk_scanner_report_sites_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_scanner_report_sites_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "sites" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_scan_record_sites_site_id_scanned_at" ON "scan_record_sites" ("site_id", "scanned_at");

CREATE INDEX "ix_scan_records_person_id_scanned_at" ON "scan_records" ("person_id", "scanned_at");

CREATE INDEX "ix_scan_records_scanned_at" ON "scan_records" ("scanned_at");

CREATE UNIQUE INDEX "ix_scan_records_scanner_account_id_idempotency_key" ON "scan_records" ("scanner_account_id", "idempotency_key");

CREATE INDEX "ix_scanner_managed_sites_site_id" ON "scanner_managed_sites" ("site_id");

CREATE UNIQUE INDEX "ix_scanner_profiles_id_number_index" ON "scanner_profiles" ("id_number_index");

CREATE INDEX "ix_scanner_profiles_parent_account_id" ON "scanner_profiles" ("parent_account_id");

CREATE UNIQUE INDEX "ix_scanner_profiles_phone_index" ON "scanner_profiles" ("phone_index");

CREATE INDEX "ix_scanner_profiles_site_id" ON "scanner_profiles" ("site_id");

CREATE INDEX "ix_scanner_report_sites_site_id" ON "scanner_report_sites" ("site_id");
