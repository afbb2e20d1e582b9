-- 0910_staff_preferences
CREATE TABLE staff_preferences (
    staff_id bigint NOT NULL,
    key character varying(50) NOT NULL,
    value character varying(1000) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_staff_preferences PRIMARY KEY (staff_id, key),
    CONSTRAINT fk_staff_preferences_staff_members_staff_id FOREIGN KEY (staff_id) REFERENCES staff_members (id) ON DELETE CASCADE
);
