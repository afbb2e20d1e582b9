-- 0900_usage_by_type_and_region
-- The usage counters gain code type and region. SQLite cannot change a primary key in place: copy into a new table.
-- Earlier counters knew neither, so they become health-code counts of an unknown region.
CREATE TABLE "code_usage_daily_new" (
    "day" TEXT NOT NULL,
    "code_type" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_code_usage_daily" PRIMARY KEY ("day", "code_type", "region_code", "metric")
);

INSERT INTO "code_usage_daily_new" ("day", "code_type", "region_code", "metric", "count")
SELECT "day", 'health_code', 'unknown', CASE WHEN "metric" LIKE 'code.%' THEN substr("metric", 6) ELSE "metric" END, "count"
FROM "code_usage_daily";

DROP TABLE "code_usage_daily";

ALTER TABLE "code_usage_daily_new" RENAME TO "code_usage_daily";

-- Rolled-up rows without a region were filed under "all"; the new name says what it is.
UPDATE "code_statistics_daily" SET "region_code" = 'unknown' WHERE "region_code" = 'all';
