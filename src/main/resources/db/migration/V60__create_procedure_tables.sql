-- Module procedure: serial numbers of the documents each organ issues, per year (（2026）……字第 12 号).

CREATE TABLE procedure_serial
(
    agency_id UUID        NOT NULL,
    year      INT         NOT NULL,
    kind      VARCHAR(30) NOT NULL,
    last      INT         NOT NULL,
    PRIMARY KEY (agency_id, year, kind)
);
COMMENT ON TABLE procedure_serial IS 'Last serial number an agency gave a kind of document in a year; incremented in the issuing transaction.';
COMMENT ON COLUMN procedure_serial.agency_id IS 'The issuing agency.';
COMMENT ON COLUMN procedure_serial.year IS 'The year of issue.';
COMMENT ON COLUMN procedure_serial.kind IS 'The document template.';
COMMENT ON COLUMN procedure_serial.last IS 'The last number given.';

GRANT SELECT, INSERT, UPDATE ON procedure_serial TO ${app_role};
