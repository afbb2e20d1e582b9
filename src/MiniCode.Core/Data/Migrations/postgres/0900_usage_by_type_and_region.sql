-- 0900_usage_by_type_and_region
-- The usage counters gain code type and region. Earlier counters knew neither, so they become health-code counts of
-- an unknown region.
ALTER TABLE code_usage_daily DROP CONSTRAINT pk_code_usage_daily;

ALTER TABLE code_usage_daily ADD code_type character varying(30) NOT NULL DEFAULT 'health_code';

ALTER TABLE code_usage_daily ADD region_code character varying(12) NOT NULL DEFAULT 'unknown';

ALTER TABLE code_usage_daily ALTER COLUMN code_type DROP DEFAULT;

ALTER TABLE code_usage_daily ALTER COLUMN region_code DROP DEFAULT;

UPDATE code_usage_daily SET metric = substr(metric, 6) WHERE metric LIKE 'code.%';

ALTER TABLE code_usage_daily ADD CONSTRAINT pk_code_usage_daily PRIMARY KEY (day, code_type, region_code, metric);

-- "rejected:bad_signature" is longer than the old 20 characters.
ALTER TABLE code_statistics_daily ALTER COLUMN metric TYPE character varying(40);

-- Rolled-up rows without a region were filed under "all"; the new name says what it is.
UPDATE code_statistics_daily SET region_code = 'unknown' WHERE region_code = 'all';
