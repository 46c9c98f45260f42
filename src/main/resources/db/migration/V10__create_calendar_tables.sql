-- Module calendar: the official working calendar, year by year, as the State Council's notices (and regional
-- governments for their extras) declare it. A year without a row here is provisional: the application derives it
-- from the national holiday regulation (weekends plus statutory holidays) and marks what it computes as provisional.

CREATE TABLE calendar_year
(
    region       VARCHAR(12)  NOT NULL CHECK (region = 'CN' OR region ~ '^[0-9]{6}$'),
    year         INT          NOT NULL CHECK (year BETWEEN 2000 AND 2199),
    notice       VARCHAR(300),
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (region, year)
);
COMMENT ON TABLE calendar_year IS 'A published (official) calendar year of a region: CN for the State Council notice, a GB/T 2260 code for a region''s own extras on top of it. Years without a CN row are provisional.';
COMMENT ON COLUMN calendar_year.region IS 'CN (national) or the GB/T 2260 code of the region whose extras these are.';
COMMENT ON COLUMN calendar_year.year IS 'Calendar year the notice arranges.';
COMMENT ON COLUMN calendar_year.notice IS 'Title or number of the notice the days come from (e.g. 国务院办公厅关于2026年部分节假日安排的通知).';
COMMENT ON COLUMN calendar_year.published_at IS 'When the year was entered (or last replaced) in Tongxin.';
COMMENT ON COLUMN calendar_year.published_by IS 'Username of the system administrator who entered it, or "migration" for seeded years.';
COMMENT ON COLUMN calendar_year.version IS 'Counts replacements of the year (0 = entered once).';

CREATE TABLE calendar_day
(
    region  VARCHAR(12) NOT NULL,
    day     DATE        NOT NULL,
    year    INT         NOT NULL,
    kind    VARCHAR(12) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKING_DAY')),
    name_zh VARCHAR(50),
    name_en VARCHAR(80),
    PRIMARY KEY (region, day),
    FOREIGN KEY (region, year) REFERENCES calendar_year (region, year) ON DELETE CASCADE,
    CHECK (year = EXTRACT(YEAR FROM day)),
    CHECK (kind <> 'HOLIDAY' OR (name_zh IS NOT NULL AND name_en IS NOT NULL)),
    CHECK (kind <> 'WORKING_DAY' OR EXTRACT(ISODOW FROM day) IN (6, 7))
);
CREATE INDEX calendar_day_year_idx ON calendar_day (region, year);
COMMENT ON TABLE calendar_day IS 'The special days of an official year: public holidays (including the weekend days inside a holiday break) and adjusted working days (调休上班: weekend days declared working days). Every other day is a working day on Monday to Friday and a rest day on Saturday and Sunday.';
COMMENT ON COLUMN calendar_day.region IS 'CN or the GB/T 2260 code of a region (its extras override the national day).';
COMMENT ON COLUMN calendar_day.day IS 'The date (China Standard Time).';
COMMENT ON COLUMN calendar_day.year IS 'Year of the date; with region, the calendar_year it belongs to.';
COMMENT ON COLUMN calendar_day.kind IS 'HOLIDAY (no work) or WORKING_DAY (an adjusted working day on a Saturday or Sunday).';
COMMENT ON COLUMN calendar_day.name_zh IS 'Chinese name of the holiday (e.g. 国庆节); empty for working days.';
COMMENT ON COLUMN calendar_day.name_en IS 'English name of the holiday (e.g. National Day); empty for working days.';

-- The application reads the calendar and replaces whole years: upsert the year, delete and insert its days.
GRANT SELECT, INSERT, UPDATE ON calendar_year TO ${app_role};
GRANT SELECT, INSERT, DELETE ON calendar_day TO ${app_role};
