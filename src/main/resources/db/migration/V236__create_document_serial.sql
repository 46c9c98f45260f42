-- Module document: one sequence of document numbers per issuing organ and year, as GB/T 9704 numbers them
-- (发文机关代字〔年份〕序号: 城东矫〔2026〕12号). Replaces the mixed forms of before (（2026）……字第 12 号, （2026）CD-CCA 回执 …).

CREATE TABLE document_serial
(
    organ_id UUID NOT NULL,
    year     INT  NOT NULL,
    last     INT  NOT NULL,
    PRIMARY KEY (organ_id, year)
);
COMMENT ON TABLE document_serial IS 'Last number an organ gave one of its documents in a year; incremented in the issuing transaction. No case data.';
COMMENT ON COLUMN document_serial.organ_id IS 'The issuing organ (agency id).';
COMMENT ON COLUMN document_serial.year IS 'The year of issue (in 〔〕 in the number).';
COMMENT ON COLUMN document_serial.last IS 'The last number given.';

GRANT SELECT, INSERT, UPDATE ON document_serial TO ${app_role};
