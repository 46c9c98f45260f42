-- The charges (罪名) of a case by the names the Supreme People's Court and Supreme People's Procuratorate determine
-- (issue 11; src/main/resources/casefile/charges.txt). A column of casefile_case, so the case's row-level security
-- covers it. Not encrypted: a name from a closed public list, like offence_category beside it; the free-text offence
-- details stay encrypted (doc/adr/0043-charges-and-document-numbers.md). Cases opened before have none ("未录入").
ALTER TABLE casefile_case ADD COLUMN charges text[] NOT NULL DEFAULT '{}';

COMMENT ON COLUMN casefile_case.charges IS
    'The charges (罪名) exactly as named in the SPC/SPP determinations of charges, in the order entered; empty for a case opened before charges were recorded';
