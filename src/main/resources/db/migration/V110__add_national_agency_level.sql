-- Module agency: a national level above the provinces, for organs of the central government (the Ministry of
-- Justice's community-correction bureau edits the national baseline of the policy models), and the country as the
-- division such an organ sits in and serves.

ALTER TABLE agency_division DROP CONSTRAINT agency_division_level_check;
ALTER TABLE agency_division ADD CONSTRAINT agency_division_level_check
    CHECK (level IN ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'));
ALTER TABLE agency DROP CONSTRAINT agency_level_check;
ALTER TABLE agency ADD CONSTRAINT agency_level_check
    CHECK (level IN ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'));

COMMENT ON COLUMN agency_division.level IS 'NATIONAL (the country), PROVINCE, CITY (prefecture), COUNTY (county, district) or TOWNSHIP (town, street).';
COMMENT ON COLUMN agency.level IS 'Administrative level: NATIONAL for organs of the central government, PROVINCE, CITY, COUNTY or TOWNSHIP.';

-- GB/T 2260 has no code for the country itself; 100000 is the code data sets commonly use for it. Provinces keep no
-- parent (the country contains every division without being their parent in this table).
INSERT INTO agency_division (code, name_zh, name_en, level, parent_code)
VALUES ('100000', '中华人民共和国', 'People''s Republic of China', 'NATIONAL', NULL)
ON CONFLICT (code) DO NOTHING;
