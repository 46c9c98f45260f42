-- The length of the original sentence (原判刑期) in months, recorded with the decision where the correction type makes
-- it relevant: parole and temporary execution outside prison, whose correction term is only the rest of the sentence.
-- CPL art. 286 seals the record of an offence committed under 18 sentenced to at most five years' fixed-term
-- imprisonment; for these two types the term cannot prove it, the sentence can
-- (doc/adr/0044-the-minors-steps-the-original-sentence-and-the-move-documents.md). Not encrypted: a number like the
-- term's dates beside it, covered by the case's row-level security. Null: not recorded (a case decided before, a
-- life sentence, or a decision organ that did not give it) — such a case is not sealed automatically.
ALTER TABLE casefile_case ADD COLUMN sentence_months integer CHECK (sentence_months BETWEEN 1 AND 300);

COMMENT ON COLUMN casefile_case.sentence_months IS
    'Original sentence of fixed-term imprisonment in months, for parole and temporary execution (CPL art. 286 sealing); null when not recorded';
