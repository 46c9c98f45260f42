-- A sealed case (CPL art. 286) is visible to the application role only to an agency holding an approved lawful-query
-- grant (V200), whatever its lawful role: every table whose policy asks casefile_visible (the case, its subject, timeline,
-- team, plan, obligations, handovers, documents and the processes' tables) hides it with it. Asked as the owner, so
-- that the policy of casefile_case does not call itself.
CREATE FUNCTION casefile_sealed_readable(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT NOT EXISTS (SELECT 1 FROM casefile_case c WHERE c.id = target AND c.sealed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM casefile_sealed_query q
                WHERE q.case_id = target AND q.requester_agency_id = tongxin_agency_id() AND q.status = 'APPROVED')
$$;
COMMENT ON FUNCTION casefile_sealed_readable(UUID) IS 'False for a sealed case unless the acting agency holds an approved lawful-query grant (CPL art. 286).';
REVOKE ALL ON FUNCTION casefile_sealed_readable(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casefile_sealed_readable(UUID) TO ${app_role};

CREATE OR REPLACE FUNCTION casefile_visible(target UUID) RETURNS BOOLEAN LANGUAGE sql STABLE AS
$$
SELECT EXISTS (SELECT 1 FROM casefile_party p WHERE p.case_id = target AND p.agency_id = tongxin_agency_id())
   AND casefile_sealed_readable(target)
$$;

-- The one fact a party needs about a sealed case it cannot see: that it is sealed, and which county agency decides on a
-- lawful query of it. Null when the case is not sealed or the acting agency is no party of it.
CREATE FUNCTION casefile_sealed_county(target UUID) RETURNS UUID LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS
$$
SELECT c.county_agency_id FROM casefile_case c
 WHERE c.id = target AND c.sealed_at IS NOT NULL
   AND (tongxin_agency_id() IS NULL OR EXISTS (SELECT 1 FROM casefile_party p WHERE p.case_id = target AND p.agency_id = tongxin_agency_id()))
$$;
COMMENT ON FUNCTION casefile_sealed_county(UUID) IS 'The deciding county agency of a sealed case, for its parties (and the system); null when not sealed.';
REVOKE ALL ON FUNCTION casefile_sealed_county(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casefile_sealed_county(UUID) TO ${app_role};
