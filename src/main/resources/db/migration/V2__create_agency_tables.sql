-- Module agency: administrative divisions, agencies (organs), their hierarchy and jurisdictions.

CREATE TABLE agency_division
(
    code        VARCHAR(12)  NOT NULL PRIMARY KEY,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100),
    level       VARCHAR(16)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
    parent_code VARCHAR(12) REFERENCES agency_division (code),
    CHECK (code ~ '^[0-9]{6}([0-9]{3})?$')
);
CREATE INDEX agency_division_parent_idx ON agency_division (parent_code);
COMMENT ON TABLE agency_division IS 'Administrative divisions: GB/T 2260 codes (6 digits: province, prefecture, county) and township codes (9 digits).';
COMMENT ON COLUMN agency_division.code IS 'GB/T 2260 code (6 digits) or township code (9 digits: county code + 3).';
COMMENT ON COLUMN agency_division.name_zh IS 'Official Chinese name.';
COMMENT ON COLUMN agency_division.name_en IS 'English name, where one is kept.';
COMMENT ON COLUMN agency_division.level IS 'PROVINCE, CITY (prefecture), COUNTY (county, district) or TOWNSHIP (town, street).';
COMMENT ON COLUMN agency_division.parent_code IS 'The enclosing division.';

CREATE TABLE agency
(
    id             UUID         NOT NULL PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL UNIQUE,
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(150),
    type           VARCHAR(32)  NOT NULL,
    level          VARCHAR(16)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
    parent_id      UUID REFERENCES agency (id),
    division_code  VARCHAR(12)  NOT NULL REFERENCES agency_division (code),
    credit_code    CHAR(18) UNIQUE,
    address        VARCHAR(200),
    phone          VARCHAR(30),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX agency_parent_idx ON agency (parent_id);
CREATE INDEX agency_type_level_idx ON agency (type, level);
CREATE INDEX agency_division_idx ON agency (division_code);
COMMENT ON TABLE agency IS 'An organ taking part in community correction: court, procuratorate, police, prison, correction agency, judicial office, assisting department, social organisation, coordination office.';
COMMENT ON COLUMN agency.id IS 'Agency id.';
COMMENT ON COLUMN agency.code IS 'Short unique code used by people and other systems (e.g. CD-COURT).';
COMMENT ON COLUMN agency.name_zh IS 'Official Chinese name.';
COMMENT ON COLUMN agency.name_en IS 'English name.';
COMMENT ON COLUMN agency.type IS 'Organ type (AgencyType).';
COMMENT ON COLUMN agency.level IS 'Administrative level: CITY, COUNTY or TOWNSHIP (PROVINCE for provincial organs).';
COMMENT ON COLUMN agency.parent_id IS 'The organ one level up (escalation target); a judicial office sits under its county community correction agency.';
COMMENT ON COLUMN agency.division_code IS 'The administrative division where the organ sits.';
COMMENT ON COLUMN agency.credit_code IS 'Unified social credit code (GB 32100-2015), checksum validated.';
COMMENT ON COLUMN agency.address IS 'Office address (public).';
COMMENT ON COLUMN agency.phone IS 'Office telephone (public).';
COMMENT ON COLUMN agency.active IS 'False once the organ is deactivated; deactivated organs stay for history.';
COMMENT ON COLUMN agency.created_at IS 'Creation time.';
COMMENT ON COLUMN agency.updated_at IS 'Last change.';
COMMENT ON COLUMN agency.version IS 'Optimistic lock: a stale edit is refused with 409.';

CREATE TABLE agency_jurisdiction
(
    agency_id     UUID        NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    division_code VARCHAR(12) NOT NULL REFERENCES agency_division (code),
    PRIMARY KEY (agency_id, division_code)
);
CREATE INDEX agency_jurisdiction_division_idx ON agency_jurisdiction (division_code);
COMMENT ON TABLE agency_jurisdiction IS 'Which divisions each agency serves (a county agency its county, a judicial office its townships).';
COMMENT ON COLUMN agency_jurisdiction.agency_id IS 'The agency.';
COMMENT ON COLUMN agency_jurisdiction.division_code IS 'A division it serves.';

GRANT SELECT, INSERT, UPDATE ON agency_division, agency, agency_jurisdiction TO ${app_role};
GRANT DELETE ON agency_jurisdiction TO ${app_role};
