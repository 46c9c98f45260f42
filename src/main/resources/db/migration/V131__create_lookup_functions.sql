-- The few facts a person's request needs beyond the rows its agency may see (doc/adr/0022). Each function answers one
-- question, runs as the owner (SECURITY DEFINER) and returns no personal data; the application role may call them, and
-- nothing else gives it sight of other agencies' rows. Keyed hashes come as arrays: one per live key version
-- (doc/operations.md, key rotation).

-- Module casefile: is a person (by the keyed hash of their identity number) already known, in any case?
CREATE FUNCTION casefile_subject_by_id_hash(hashes BYTEA[]) RETURNS UUID LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT id FROM casefile_subject WHERE id_number_hash = ANY (hashes) ORDER BY created_at LIMIT 1
$$;
COMMENT ON FUNCTION casefile_subject_by_id_hash(BYTEA[]) IS 'The subject with one of these identity-number hashes, if any (a new case links to a known person).';

-- Module casefile: does a decision organ's case number already name a case of this person (the uniqueness rule)?
CREATE FUNCTION casefile_case_number_taken(organ UUID, number TEXT, person BYTEA[], except_case UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
SELECT EXISTS (SELECT 1 FROM casefile_case c JOIN casefile_subject s ON s.id = c.subject_id
                WHERE c.decision_organ_id = organ AND c.case_number = number AND s.id_number_hash = ANY (person)
                  AND c.id <> except_case)
$$;
COMMENT ON FUNCTION casefile_case_number_taken(UUID, TEXT, BYTEA[], UUID) IS 'Whether the organ''s case number is already used for this person in another case.';

-- Module assistance: how many of a department's places for a service are taken and how many referrals wait, over all
-- its referrals (some of them other counties' cases).
CREATE FUNCTION assistance_capacity_counts(department UUID, service_name TEXT, OUT occupied INT, OUT waiting INT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
SELECT (count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS')))::int,
       (count(*) FILTER (WHERE status = 'WAITING'))::int
  FROM assistance_referral WHERE to_agency_id = department AND service = service_name
$$;
COMMENT ON FUNCTION assistance_capacity_counts(UUID, TEXT) IS 'Places taken and referrals waiting at a department for a service.';

-- Module assistance: a waiting referral's place in its department's queue (1 = next), for whoever sees the referral.
CREATE FUNCTION assistance_waiting_position(referral UUID) RETURNS INT LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT (count(*) + 1)::int FROM assistance_referral q, assistance_referral r
 WHERE r.id = referral AND q.to_agency_id = r.to_agency_id AND q.service = r.service AND q.status = 'WAITING'
   AND (q.waiting_since, q.id) < (r.waiting_since, r.id)
$$;
COMMENT ON FUNCTION assistance_waiting_position(UUID) IS 'Position of a waiting referral in its department''s queue for the service.';

DO
$$
DECLARE
    f TEXT;
BEGIN
    FOREACH f IN ARRAY ARRAY['casefile_subject_by_id_hash(BYTEA[])', 'casefile_case_number_taken(UUID, TEXT, BYTEA[], UUID)',
        'assistance_capacity_counts(UUID, TEXT)', 'assistance_waiting_position(UUID)']
    LOOP
        EXECUTE 'REVOKE ALL ON FUNCTION ' || f || ' FROM PUBLIC';
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION casefile_subject_by_id_hash(BYTEA[]), casefile_case_number_taken(UUID, TEXT, BYTEA[], UUID),
    assistance_capacity_counts(UUID, TEXT), assistance_waiting_position(UUID) TO ${app_role};
