-- Module assessment (doc/adr/0042-periodic-assessment-and-commutation.md): the county agency's proposal of a sentence
-- reduction (提请减刑, CCL art. 33) to the intermediate court travels like the other proposals; the court's ruling sets
-- the term's new last day, kept here beside the ruling (the case's own term end moves in casefile).
ALTER TABLE assessment_proposal DROP CONSTRAINT assessment_proposal_kind_check;
ALTER TABLE assessment_proposal ADD CONSTRAINT assessment_proposal_kind_check
    CHECK (kind IN ('REVOCATION', 'CUSTODY', 'POLICE_PENALTY', 'COMMUTATION'));
ALTER TABLE assessment_proposal ADD COLUMN new_term_end DATE;
COMMENT ON COLUMN assessment_proposal.kind IS 'REVOCATION (probation or parole), CUSTODY (收监执行), POLICE_PENALTY or COMMUTATION (减刑).';
COMMENT ON COLUMN assessment_proposal.new_term_end IS 'On a sentence reduction granted: the term''s new last day the court''s ruling set.';
