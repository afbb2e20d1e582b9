-- 0002_people
CREATE TABLE "persons" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_persons" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "document_type" TEXT NOT NULL,
    "document_cipher" TEXT NOT NULL,
    "document_index" TEXT NOT NULL,
    "document_masked" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "gender" TEXT NULL,
    "region_code" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "anonymised_at" INTEGER NULL
);

CREATE TABLE "accounts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accounts" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "person_id" INTEGER NULL,
    "phone_cipher" TEXT NULL,
    "phone_index" TEXT NULL,
    "phone_masked" TEXT NULL,
    "wechat_open_id" TEXT NULL,
    "wechat_union_id" TEXT NULL,
    "alipay_user_id" TEXT NULL,
    "username" TEXT NULL,
    "password_hash" TEXT NULL,
    "failed_password_attempts" INTEGER NOT NULL,
    "locked_until" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_accounts_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE SET NULL
);

CREATE TABLE "sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sessions" PRIMARY KEY AUTOINCREMENT,
    "token_hash" TEXT NOT NULL,
    "account_id" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "stay_logged_in" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "last_seen_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL,
    CONSTRAINT "fk_sessions_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_accounts_alipay_user_id" ON "accounts" ("alipay_user_id");

CREATE INDEX "ix_accounts_person_id" ON "accounts" ("person_id");

CREATE UNIQUE INDEX "ix_accounts_phone_index" ON "accounts" ("phone_index");

CREATE UNIQUE INDEX "ix_accounts_username" ON "accounts" ("username");

CREATE UNIQUE INDEX "ix_accounts_wechat_open_id" ON "accounts" ("wechat_open_id");

CREATE UNIQUE INDEX "ix_persons_document_index" ON "persons" ("document_index");

CREATE INDEX "ix_sessions_account_id" ON "sessions" ("account_id");

CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at");

CREATE UNIQUE INDEX "ix_sessions_token_hash" ON "sessions" ("token_hash");
