-- 0100_identity
CREATE TABLE "sms_codes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sms_codes" PRIMARY KEY AUTOINCREMENT,
    "phone_index" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "ip_index" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "failed_attempts" INTEGER NOT NULL,
    "consumed_at" INTEGER NULL
);

CREATE INDEX "ix_sms_codes_ip_index_created_at" ON "sms_codes" ("ip_index", "created_at");

CREATE INDEX "ix_sms_codes_phone_index_created_at" ON "sms_codes" ("phone_index", "created_at");

ALTER TABLE "accounts" ADD COLUMN "wechat_session_key_cipher" TEXT NULL;

ALTER TABLE "accounts" ADD COLUMN "alipay_open_id" TEXT NULL;

ALTER TABLE "accounts" ADD COLUMN "deleted_at" INTEGER NULL;

CREATE UNIQUE INDEX "ix_accounts_alipay_open_id" ON "accounts" ("alipay_open_id");
