package org.tongxin.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tongxin.casefile.internal.SubjectCodec;

/**
 * Loads a synthetic country's caseload in bulk for bench/scale.sh (doc/performance.md): the real county-level divisions
 * of the country (agency_division, in code order) each get a county community correction agency with eight judicial
 * offices, a basic court, a procuratorate and a police bureau, and {@value #CASES_PER_COUNTY} cases — about what a
 * county holds (some 700,000 people under correction in some 2,850 counties, plus those who finished) — so an
 * agency's inbox is as large at a million cases as at ten thousand, as it would be. Each city gets its correction
 * agency, coordination office, intermediate court, procuratorate, police and civil affairs bureau.
 *
 * <p>A case (ordinal {@code n}, every value derived from it, so a load is the same every time) has its subject, the
 * five parties, a timeline, the obligations of its intake (closed for cases past intake, one or two open for those in
 * it), for a case under correction one periodic obligation open with its due time spread over a month around now
 * (some already overdue and escalated), the legal documents' handover with its copies, items and round, for one
 * case in ten an assistance referral, and the statistics module's read models. Rows go in with INSERT … SELECT over
 * generate_series as the owner role, 20,000 cases per transaction; encrypted fields share a few ciphertexts made with
 * the application's data key, while every subject has its own identity number and keyed hash (search uses it).
 *
 * <p>Obligations that fall due in the day after {@code now} are the day's batch the obligation clock's scan meets at
 * the end of that day (four in five of them are done in time); a few fell due in the hour before {@code now}, left for
 * the scan to find at {@code now}, which warms it up.
 */
public final class ScaleLoader {

    public static final int CASES_PER_COUNTY = 350;
    public static final int OFFICES_PER_COUNTY = 8;
    static final int CHUNK = 20_000;
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国",
        "志强", "海燕", "文", "斌"
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Connection connection;
    private final SubjectCodec codec;
    private final Map<String, byte[]> ciphertexts;
    private final List<County> counties = new ArrayList<>();
    private UUID nationalPolicyVersion;
    private long loaded;

    /** A county of the synthetic country: its index, its division and its city's. */
    public record County(int index, String code, String cityCode) {}

    /** Opens one connection as the owner role (bulk loading, session-scoped temporary tables) for the whole run. */
    public ScaleLoader(DataSource owner, SubjectCodec codec) throws SQLException {
        this.connection = owner.getConnection();
        this.connection.setAutoCommit(false);
        this.jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.codec = codec;
        this.ciphertexts = Map.of(
                "id", codec.encrypt("110101198001010000", "casefile_subject.id_number"),
                "phone", codec.encrypt("13800000000", "casefile_subject.phone"),
                "address", codec.encrypt("某市某区某街道某社区 1 号", "casefile_subject.residence_address"),
                "health", codec.encrypt("良好", "casefile_subject.health"),
                "offence", codec.encrypt("盗窃，数额较大", "casefile_case.offence_details"),
                "note", codec.encrypt("申请最低生活保障", "assistance_referral.note"),
                // Handover item titles are sealed with their column as context (V133), as HandoverRepository writes
                // them.
                "title1", codec.encrypt("判决书", "exchange_item.title"),
                "title2", codec.encrypt("执行通知书", "exchange_item.title"),
                "title3", codec.encrypt("报到通知书", "exchange_item.title"));
    }

    /**
     * Picks up a load an earlier run left (an external database, or BENCH_KEEP_DATA=1): the number of cases it made, and
     * when it last moved the clock (the latest change it or a scan recorded on the ledger); empty when there is none.
     */
    public java.util.Optional<Instant> resume() {
        if (nationalPolicyVersion == null) {
            prepare();
        }
        loaded = jdbc.queryForObject("""
            SELECT count(*) FROM casefile_case c JOIN agency a ON a.id = c.county_agency_id WHERE a.code LIKE 'BENCH-%'\
            """, Map.of(), Long.class);
        if (loaded == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(jdbc.queryForObject(
                        "SELECT max(occurred_at) FROM obligation_history", Map.of(), Timestamp.class))
                .map(Timestamp::toInstant);
    }

    /** How many cases the database holds from this loader. */
    public long loaded() {
        return loaded;
    }

    /** The counties used so far (a county per {@value #CASES_PER_COUNTY} cases). */
    public List<County> counties() {
        return counties.subList(0, (int) Math.min(counties.size(), countiesFor(loaded)));
    }

    public static int countiesFor(long cases) {
        return (int) ((cases + CASES_PER_COUNTY - 1) / CASES_PER_COUNTY);
    }

    /** Adds cases until the database holds {@code total}, relative to {@code now}. */
    public void loadUpTo(long total, Instant now, java.util.function.Consumer<String> progress) throws SQLException {
        if (nationalPolicyVersion == null) {
            prepare();
        }
        int needed = countiesFor(total);
        if (needed > counties.size()) {
            throw new IllegalStateException(
                    total + " cases need " + needed + " counties; the divisions table has " + counties.size());
        }
        createAgencies(countiesFor(loaded), needed, now);
        connection.commit();
        for (long lo = loaded + 1; lo <= total; lo += CHUNK) {
            long hi = Math.min(total, lo + CHUNK - 1);
            long start = System.nanoTime();
            chunk(lo, hi, now);
            connection.commit();
            loaded = hi;
            progress.accept(String.format("loaded cases %,d-%,d in %.1f s", lo, hi, (System.nanoTime() - start) / 1e9));
        }
        progress.accept("analysing the tables");
        connection.setAutoCommit(true);
        jdbc.getJdbcTemplate().execute("ANALYZE");
        connection.setAutoCommit(false);
    }

    /** The identity number of case {@code n}'s subject: a valid 18-digit resident number of the case's county. */
    public String identityNumber(long n) {
        County county = counties.get((int) ((n - 1) / CASES_PER_COUNTY));
        int local = (int) ((n - 1) % CASES_PER_COUNTY);
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((local * 97L + n * 13) % 16_000);
        String body = county.code() + birth.toString().replace("-", "") + String.format("%03d", local);
        return body + checkDigit(body);
    }

    /** The id of case {@code n} (as the loader made it). */
    public static UUID caseId(long n) {
        return UUID.nameUUIDFromBytes(("bench-case:" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of one of the agencies the loader made: {@code kind} CA (correction agency), CO, JO1…JO8, BC, … */
    public static UUID agencyId(String divisionCode, String kind) {
        return UUID.nameUUIDFromBytes(
                ("bench-agency:" + divisionCode + ":" + kind).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of the {@code i}-th officer (0-3) of a county's correction agency, to whom open obligations are assigned. */
    public static UUID officerId(String countyCode, int i) {
        return UUID.nameUUIDFromBytes(
                ("bench-officer:" + countyCode + ":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static char checkDigit(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private void prepare() {
        nationalPolicyVersion = jdbc.queryForObject("""
            SELECT v.id FROM policy_version v JOIN policy_model m ON m.id = v.model_id
             WHERE m.region = 'CN' AND v.status = 'PUBLISHED' ORDER BY v.effective_from DESC, v.number DESC LIMIT 1\
            """, Map.of(), UUID.class);
        jdbc.query("""
            SELECT c.code, c.parent_code FROM agency_division c JOIN agency_division p ON p.code = c.parent_code
             WHERE c.level = 'COUNTY' AND p.level = 'CITY' ORDER BY c.code\
            """, rs -> {
            counties.add(new County(counties.size(), rs.getString(1), rs.getString(2)));
        });
        jdbc.getJdbcTemplate().execute("""
            CREATE TEMPORARY TABLE bench_county (idx INT PRIMARY KEY, code VARCHAR(12) NOT NULL, city VARCHAR(12) NOT NULL)\
            """);
        jdbc.getJdbcTemplate().batchUpdate("INSERT INTO bench_county VALUES (?, ?, ?)", counties, 500, (ps, c) -> {
            ps.setInt(1, c.index());
            ps.setString(2, c.code());
            ps.setString(3, c.cityCode());
        });
        // A pseudo-random number in [0, 1) from a case ordinal and a salt: the same every run.
        jdbc.getJdbcTemplate().execute("""
            CREATE FUNCTION pg_temp.r(n BIGINT, salt INT) RETURNS FLOAT8 LANGUAGE sql IMMUTABLE AS
            $$ SELECT (hashint8(n * 1009 + salt) & 2147483647)::FLOAT8 / 2147483648.0 $$\
            """);
        jdbc.getJdbcTemplate()
                .execute("CREATE FUNCTION pg_temp.agency(code VARCHAR, kind TEXT) RETURNS UUID LANGUAGE sql IMMUTABLE"
                        + " AS $$ SELECT "
                        + NAME_UUID.formatted("'bench-agency:' || code || ':' || kind") + " $$");
    }

    /**
     * Java's {@link UUID#nameUUIDFromBytes} (a version-3, MD5 name-based UUID) in SQL, so that SQL and Java name the same
     * rows: the MD5 of the name with the version and variant bits set.
     */
    static final String NAME_UUID = """
        (SELECT overlay(overlay(h PLACING lpad(to_hex((get_byte(decode(h, 'hex'), 6) & 15) | 48), 2, '0') FROM 13 FOR 2)
                PLACING lpad(to_hex((get_byte(decode(h, 'hex'), 8) & 63) | 128), 2, '0') FROM 17 FOR 2)::uuid
           FROM (SELECT md5(convert_to(%s, 'UTF8')) AS h) x)\
        """;

    private void createAgencies(int from, int to, Instant now) {
        if (from >= to) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("now", Timestamp.from(now));
        // Cities first (parents), for the counties in [from, to) whose city has none yet.
        jdbc.update("""
            INSERT INTO agency (id, code, name_zh, name_en, type, level, parent_id, division_code, active, created_at, updated_at)
            SELECT pg_temp.agency(c.city, k.kind), 'BENCH-' || c.city || '-' || k.kind, d.name_zh || k.zh, 'Bench ' || c.city || ' ' || k.kind,
                   k.type, 'CITY', NULL, c.city, TRUE, CAST(:now AS TIMESTAMPTZ), CAST(:now AS TIMESTAMPTZ)
              FROM (SELECT DISTINCT city FROM bench_county WHERE idx >= :from AND idx < :to) c
              JOIN agency_division d ON d.code = c.city
             CROSS JOIN (VALUES ('CA', 'CORRECTION_AGENCY', '社区矫正管理局'), ('CO', 'COORDINATION_OFFICE', '社区矫正委员会办公室'),
                                ('IC', 'INTERMEDIATE_COURT', '中级人民法院'), ('PR', 'PROCURATORATE', '人民检察院'),
                                ('PS', 'PUBLIC_SECURITY', '公安局'), ('CV', 'CIVIL_AFFAIRS_BUREAU', '民政局')) AS k(kind, type, zh)
            ON CONFLICT (code) DO NOTHING\
            """, p);
        jdbc.update("""
            INSERT INTO agency (id, code, name_zh, name_en, type, level, parent_id, division_code, active, created_at, updated_at)
            SELECT pg_temp.agency(c.code, k.kind), 'BENCH-' || c.code || '-' || k.kind, d.name_zh || k.zh, 'Bench ' || c.code || ' ' || k.kind,
                   k.type, k.level, CASE WHEN k.parent LIKE 'JO%' THEN pg_temp.agency(c.code, 'CA') ELSE pg_temp.agency(c.city, k.parent) END,
                   c.code, TRUE, CAST(:now AS TIMESTAMPTZ), CAST(:now AS TIMESTAMPTZ)
              FROM bench_county c JOIN agency_division d ON d.code = c.code
             CROSS JOIN (VALUES ('CA', 'CORRECTION_AGENCY', 'COUNTY', 'CA', '社区矫正管理局'), ('BC', 'BASIC_COURT', 'COUNTY', 'IC', '人民法院'),
                                ('PR', 'PROCURATORATE', 'COUNTY', 'PR', '人民检察院'), ('PS', 'PUBLIC_SECURITY', 'COUNTY', 'PS', '公安分局'))
                   AS k(kind, type, level, parent, zh)
             WHERE c.idx >= :from AND c.idx < :to
            ON CONFLICT (code) DO NOTHING\
            """, p);
        jdbc.update("""
            INSERT INTO agency (id, code, name_zh, name_en, type, level, parent_id, division_code, active, created_at, updated_at)
            SELECT pg_temp.agency(c.code, 'JO' || o), 'BENCH-' || c.code || '-JO' || o, d.name_zh || '第' || o || '司法所',
                   'Bench ' || c.code || ' judicial office ' || o, 'JUDICIAL_OFFICE', 'TOWNSHIP', pg_temp.agency(c.code, 'CA'), c.code,
                   TRUE, CAST(:now AS TIMESTAMPTZ), CAST(:now AS TIMESTAMPTZ)
              FROM bench_county c JOIN agency_division d ON d.code = c.code CROSS JOIN generate_series(1, %d) o
             WHERE c.idx >= :from AND c.idx < :to
            ON CONFLICT (code) DO NOTHING\
            """.formatted(OFFICES_PER_COUNTY), p);
        jdbc.update("""
            INSERT INTO agency_jurisdiction (agency_id, division_code)
            SELECT a.id, a.division_code FROM agency a
             WHERE a.code LIKE 'BENCH-%' AND a.division_code IN (SELECT code FROM bench_county WHERE idx >= :from AND idx < :to
                                                                 UNION SELECT city FROM bench_county WHERE idx >= :from AND idx < :to)
            ON CONFLICT DO NOTHING\
            """, p);
    }

    private void chunk(long lo, long hi, Instant now) throws SQLException {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("lo", lo)
                .addValue("hi", hi)
                .addValue("now", Timestamp.from(now))
                .addValue("policy", nationalPolicyVersion);
        ciphertexts.forEach((k, v) -> p.addValue(k, v));
        identities(lo, hi);
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS bench_case");
        // One row per case with every value its rows need, derived from its ordinal n.
        jdbc.getJdbcTemplate().execute("""
            CREATE TEMPORARY TABLE bench_case AS
            SELECT n, %s AS id, %s AS subject_id, i.id_hash, i.name, c.code AS county, c.city,
                   pg_temp.agency(c.code, 'CA') AS county_agency, pg_temp.agency(c.code, 'JO' || (1 + n %% %d)) AS office,
                   pg_temp.agency(c.code, 'BC') AS court, pg_temp.agency(c.code, 'PR') AS procuratorate,
                   pg_temp.agency(c.code, 'PS') AS police, pg_temp.agency(c.city, 'CV') AS civil_affairs,
                   %s AS officer,
                   CASE WHEN pg_temp.r(n, 1) < 0.70 THEN 'UNDER_CORRECTION' WHEN pg_temp.r(n, 1) < 0.92 THEN 'TERMINATED'
                        WHEN pg_temp.r(n, 1) < 0.97 THEN 'INTAKE' ELSE 'ASSESSING' END AS status,
                   CASE WHEN pg_temp.r(n, 2) < 0.85 THEN 'PROBATION' WHEN pg_temp.r(n, 2) < 0.93 THEN 'PAROLE'
                        WHEN pg_temp.r(n, 2) < 0.97 THEN 'TEMPORARY_EXECUTION' ELSE 'PUBLIC_SURVEILLANCE' END AS type,
                   CASE WHEN pg_temp.r(n, 3) < 0.88 THEN 'MALE' ELSE 'FEMALE' END AS gender,
                   pg_temp.r(n, 4) < 0.02 AS minor,
                   (TIMESTAMPTZ '%s' - make_interval(days => 5 + (pg_temp.r(n, 5) * 1100)::int)) AS decided_at,
                   (6 + (pg_temp.r(n, 6) * 30)::int) AS term_months,
                   1 + floor(pg_temp.r(n, 7) * 9)::int AS intake_progress
              FROM generate_series(%d, %d) AS g(n)
              JOIN bench_identity i USING (n)
              JOIN bench_county c ON c.idx = (n - 1) / %d\
            """.formatted(
                        NAME_UUID.formatted("'bench-case:' || n"),
                        NAME_UUID.formatted("'bench-subject:' || n"),
                        OFFICES_PER_COUNTY,
                        NAME_UUID.formatted("'bench-officer:' || c.code || ':' || (n % 4)"),
                        now,
                        lo,
                        hi,
                        CASES_PER_COUNTY));
        jdbc.getJdbcTemplate().execute("ALTER TABLE bench_case ADD PRIMARY KEY (n)");
        // Cases under correction were received about two weeks after the decision; those terminated ended after their
        // term.
        jdbc.getJdbcTemplate().execute("""
            ALTER TABLE bench_case ADD COLUMN received_at TIMESTAMPTZ, ADD COLUMN released_at TIMESTAMPTZ\
            """);
        jdbc.update("""
            UPDATE bench_case SET received_at = CASE WHEN status IN ('UNDER_CORRECTION', 'TERMINATED') THEN decided_at + interval '12 days' END,
                   released_at = CASE WHEN status = 'TERMINATED'
                                      THEN least(decided_at + interval '12 days' + make_interval(months => term_months), CAST(:now AS TIMESTAMPTZ) - interval '1 day') END,
                   decided_at = CASE WHEN status IN ('INTAKE', 'ASSESSING') THEN CAST(:now AS TIMESTAMPTZ) - make_interval(days => (pg_temp.r(n, 8) * 20)::int)
                                     ELSE decided_at END\
            """, p);

        jdbc.update("""
            INSERT INTO casefile_subject (id, name, gender, ethnicity, id_type, id_number_enc, id_number_hash, birth_date, phone_enc,
                residence_division, residence_address_enc, health_enc, created_at, updated_at)
            SELECT subject_id, name, gender, '01', 'RESIDENT_ID', :id, id_hash, DATE '1960-01-01' + (n %% 16000)::int, :phone,
                   county, :address, :health, decided_at, decided_at
              FROM bench_case\
            """.replace("%%", "%"), p);
        jdbc.update("""
            INSERT INTO casefile_case (id, subject_id, status, correction_type, decision_organ_id, case_number, judgment_date,
                effective_date, offence_category, offence_details_enc, offence_date, minor_at_offence, term_start, term_end,
                county_agency_id, judicial_office_id, procuratorate_id, police_id, policy_region, documents_state, arrival_state,
                arrived_at, registered_at, team_formed_at, plan_made_at, announced_at, created_at, updated_at)
            SELECT id, subject_id, status, CASE WHEN status = 'ASSESSING' THEN NULL ELSE type END, court,
                   '(' || extract(year FROM decided_at) || ')刑初' || n || '号', (decided_at - interval '10 days')::date,
                   CASE WHEN status = 'ASSESSING' THEN NULL ELSE decided_at::date END, 'THEFT', :offence,
                   (decided_at - interval '200 days')::date, minor,
                   received_at::date, (received_at + make_interval(months => term_months))::date,
                   county_agency, CASE WHEN status = 'ASSESSING' THEN NULL ELSE office END, procuratorate, police, 'CN',
                   CASE WHEN received_at IS NOT NULL THEN 'RECEIPTED' WHEN status = 'INTAKE' THEN 'DELIVERED' ELSE 'AWAITED' END,
                   CASE WHEN received_at IS NOT NULL THEN 'REPORTED' ELSE 'AWAITED' END,
                   received_at - interval '1 day', received_at, received_at + interval '2 days', received_at + interval '5 days',
                   received_at + interval '6 days', decided_at, coalesce(released_at, received_at, decided_at)
              FROM bench_case\
            """, p);
        jdbc.update("""
            INSERT INTO casefile_party (case_id, agency_id, participation, since)
            SELECT id, x.agency, x.participation, decided_at FROM bench_case
             CROSS JOIN LATERAL (VALUES (county_agency, 'EXECUTING_AGENCY'), (office, 'ASSIGNED_OFFICE'), (court, 'DECISION_ORGAN'),
                                        (procuratorate, 'COPIED_PROCURATORATE'), (police, 'COPIED_POLICE')) AS x(agency, participation)
             WHERE status <> 'ASSESSING' OR x.participation IN ('EXECUTING_AGENCY', 'DECISION_ORGAN')\
            """, p);
        jdbc.update("""
            INSERT INTO casefile_timeline (case_id, occurred_at, kind, args, actor_agency_id, audience, source_event)
            SELECT id, decided_at + make_interval(days => t.day), t.kind, '{}', CASE t.kind WHEN 'case.decided' THEN court ELSE county_agency END,
                   '{EXECUTING_AGENCY,ASSIGNED_OFFICE,DECISION_ORGAN,COPIED_PROCURATORATE,COPIED_POLICE}', 'bench:' || t.kind
              FROM bench_case
              JOIN (VALUES (0, 'case.decided', 0), (11, 'subject.reported', 3), (12, 'case.registered', 4), (12, 'office.assigned', 4),
                           (14, 'team.formed', 6), (17, 'plan.made', 7)) AS t(day, kind, progress)
                ON status IN ('UNDER_CORRECTION', 'TERMINATED') OR t.progress < intake_progress\
            """, p);
        jdbc.update("""
            INSERT INTO casefile_team_member (case_id, position, name, role, gender, agency_id)
            SELECT id, pos, '组员' || pos, CASE pos WHEN 1 THEN 'OFFICE_STAFF' WHEN 2 THEN 'SOCIAL_WORKER' ELSE 'VOLUNTEER' END, 'MALE',
                   CASE pos WHEN 1 THEN office END
              FROM bench_case CROSS JOIN generate_series(1, 3) pos WHERE status = 'UNDER_CORRECTION'\
            """, p);
        obligations(p);
        handovers(p);
        jdbc.update("""
            INSERT INTO assistance_referral (id, case_id, service, from_agency_id, to_agency_id, status, note, made_at, made_by_name,
                answered_at, answered_by_name, first_contact_at, progress_notes, updated_at)
            SELECT %s, id, 'SUBSISTENCE_ALLOWANCE', county_agency, civil_affairs,
                   CASE WHEN pg_temp.r(n, 30) < 0.93 THEN 'IN_PROGRESS' ELSE 'DELIVERED' END, :note, received_at + interval '30 days',
                   '矫正工作人员', CASE WHEN pg_temp.r(n, 30) < 0.93 THEN received_at + interval '33 days' END,
                   CASE WHEN pg_temp.r(n, 30) < 0.93 THEN '民政工作人员' END,
                   CASE WHEN pg_temp.r(n, 30) < 0.93 THEN received_at + interval '40 days' END, 2, received_at + interval '40 days'
              FROM bench_case WHERE status = 'UNDER_CORRECTION' AND pg_temp.r(n, 29) < 0.10\
            """.formatted(NAME_UUID.formatted("'bench-referral:'" + " || n")), p);
        statistics(p);
    }

    /** Identity numbers and their keyed hashes (the application's own hash, so search by number finds them). */
    private void identities(long lo, long hi) throws SQLException {
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS bench_identity");
        jdbc.getJdbcTemplate()
                .execute("CREATE TEMPORARY TABLE bench_identity (n BIGINT PRIMARY KEY, id_hash BYTEA NOT NULL, name"
                        + " TEXT NOT NULL)");
        StringBuilder rows = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (long n = lo; n <= hi; n++) {
            String name = SURNAMES[(int) (n % SURNAMES.length)] + GIVEN[(int) ((n / SURNAMES.length) % GIVEN.length)];
            rows.append(n)
                    .append('\t')
                    .append("\\\\x")
                    .append(hex.formatHex(codec.idHash(identityNumber(n))))
                    .append('\t')
                    .append(name)
                    .append('\n');
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bench_identity (n, id_hash, name) FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ledger: the intake steps (closed once a case is past intake; for a case in it, those before its progress
     * closed and the next one or two open), and for a case under correction one periodic obligation of its office or
     * county agency, due within a month around now: overdue (and escalated to the organ above after two days) when its
     * time has passed, warned two days before it, done in time four times in five when it falls due in the coming day.
     */
    private void obligations(MapSqlParameterSource p) {
        jdbc.update(
                """
                INSERT INTO obligation (id, case_id, step_id, instance, policy_version_id, policy_region, owing_agency_id, owed_by_subject,
                    counterparty_agency_id, status, urgency, deadline_kind, deadline_amount, calendar_region, started_at, clock_start,
                    remaining_amount, due_at, due_date, alert_only, warn_at, warned_at, fulfilled_at, escalation_level,
                    next_escalation_at, escalation_working_days, assignee_user_id, created_at, updated_at)
                SELECT %s, id, s.step, '', :policy, 'CN',
                       CASE s.owes WHEN 'COURT' THEN court ELSE county_agency END, s.step = 'report.self',
                       CASE s.owes WHEN 'COURT' THEN county_agency ELSE NULL END,
                       x.status, CASE x.status WHEN 'OVERDUE' THEN 0 WHEN 'OPEN' THEN 1 ELSE 3 END,
                       s.kind, s.amount, 'CN', x.started, x.started, s.amount, x.due,
                       CASE WHEN s.amount IS NOT NULL THEN (x.due AT TIME ZONE 'Asia/Shanghai')::date END,
                       s.kind = 'PROMPTLY', x.due - interval '2 days', CASE WHEN x.due - interval '2 days' <= CAST(:now AS TIMESTAMPTZ) AND x.status <> 'OVERDUE'
                                                                           THEN x.due - interval '2 days' END,
                       CASE WHEN x.status LIKE 'FULFILLED%%' THEN x.done END, 0,
                       CASE WHEN x.status = 'OVERDUE' THEN x.due + interval '2 days' END, 2,
                       CASE WHEN s.owes = 'COUNTY' AND x.status IN ('OPEN', 'OVERDUE') THEN officer END, x.started, x.started
                  FROM bench_case c
                  JOIN (VALUES ('A', 0, 'assess.complete', 'COUNTY', 'WORKING_DAYS', 10, 0),
                               ('I', 1, 'docs.notify', 'COURT', 'CALENDAR_DAYS', 5, 0), ('I', 2, 'docs.deliver', 'COURT', 'CALENDAR_DAYS', 10, 0),
                               ('I', 3, 'docs.receipt', 'COUNTY', 'CALENDAR_DAYS', 5, 4), ('I', 4, 'report.self', 'COUNTY', 'CALENDAR_DAYS', 10, 0),
                               ('I', 5, 'team.form', 'COUNTY', 'PROMPTLY', NULL, 11), ('I', 6, 'plan.make', 'COUNTY', 'PROMPTLY', NULL, 12),
                               ('I', 7, 'intake.announce', 'COUNTY', 'PROMPTLY', NULL, 13))
                       AS s(phase, no, step, owes, kind, amount, after) ON (s.phase = 'A') = (c.status = 'ASSESSING')
                 CROSS JOIN LATERAL (SELECT least(c.decided_at + make_interval(days => s.after), CAST(:now AS TIMESTAMPTZ) - interval '1 hour') AS started) t
                 CROSS JOIN LATERAL (SELECT t.started,
                        t.started + CASE WHEN s.amount IS NULL THEN interval '24 hours' ELSE make_interval(days => s.amount) END AS due,
                        CASE WHEN s.phase = 'I' AND (c.status IN ('UNDER_CORRECTION', 'TERMINATED') OR s.no < c.intake_progress)
                             THEN CASE WHEN pg_temp.r(c.n, 40 + s.no) < 0.9 THEN 'FULFILLED' ELSE 'FULFILLED_LATE' END
                             WHEN t.started + CASE WHEN s.amount IS NULL THEN interval '24 hours' ELSE make_interval(days => s.amount) END < CAST(:now AS TIMESTAMPTZ)
                             THEN 'OVERDUE' ELSE 'OPEN' END AS status,
                        t.started + interval '1 day' * (CASE WHEN pg_temp.r(c.n, 40 + s.no) < 0.9 THEN 0.5 ELSE 1.3 END)
                            * coalesce(s.amount, 1) AS done) x
                 WHERE c.status IN ('UNDER_CORRECTION', 'TERMINATED') OR s.phase = 'A' OR s.no <= c.intake_progress + 1\
                """.formatted(NAME_UUID.formatted("'bench-obligation:'" + " || c.n" + " || ':'" + " || s.step")), p);
        jdbc.update("""
            INSERT INTO obligation (id, case_id, step_id, instance, policy_version_id, policy_region, owing_agency_id,
                status, urgency, deadline_kind, deadline_amount, calendar_region, started_at, clock_start, remaining_amount,
                due_at, due_date, warn_at, warned_at, fulfilled_at, escalation_level, next_escalation_at, escalation_working_days,
                assignee_user_id, created_at, updated_at)
            SELECT %s, c.id, 'supervise.verify', 'periodic', :policy, 'CN', x.owing, x.status,
                   CASE x.status WHEN 'OVERDUE' THEN 0 WHEN 'OPEN' THEN 1 ELSE 3 END, 'CALENDAR_DAYS', 30, 'CN',
                   x.due - interval '30 days', x.due - interval '30 days', 30, x.due, (x.due AT TIME ZONE 'Asia/Shanghai')::date,
                   x.due - interval '2 days',
                   CASE WHEN x.due - interval '2 days' <= CAST(:now AS TIMESTAMPTZ) - interval '1 hour' OR x.status <> 'OPEN' THEN x.due - interval '2 days' END,
                   CASE WHEN x.status = 'FULFILLED' THEN x.due - interval '5 hours' END,
                   CASE WHEN x.status <> 'OVERDUE' THEN 0 WHEN x.due + interval '4 days' <= CAST(:now AS TIMESTAMPTZ) THEN 2
                        WHEN x.due + interval '2 days' <= CAST(:now AS TIMESTAMPTZ) THEN 1 ELSE 0 END,
                   CASE WHEN x.status <> 'OVERDUE' OR x.due + interval '4 days' <= CAST(:now AS TIMESTAMPTZ) THEN NULL
                        WHEN x.due + interval '2 days' <= CAST(:now AS TIMESTAMPTZ) THEN x.due + interval '4 days' ELSE x.due + interval '2 days' END, 2,
                   CASE WHEN x.owing = c.county_agency AND x.status <> 'FULFILLED' THEN c.officer END,
                   x.due - interval '30 days', x.due - interval '30 days'
              FROM bench_case c
             CROSS JOIN LATERAL (SELECT CAST(:now AS TIMESTAMPTZ) + make_interval(secs => (pg_temp.r(c.n, 50) * 30 - 5) * 86400) AS due) d
             CROSS JOIN LATERAL (SELECT d.due, CASE WHEN pg_temp.r(c.n, 51) < 0.34 THEN c.county_agency ELSE c.office END AS owing,
                    CASE WHEN d.due <= CAST(:now AS TIMESTAMPTZ) - interval '1 hour' THEN 'OVERDUE'
                         WHEN d.due > CAST(:now AS TIMESTAMPTZ) AND d.due <= CAST(:now AS TIMESTAMPTZ) + interval '1 day' AND pg_temp.r(c.n, 52) < 0.8 THEN 'FULFILLED'
                         ELSE 'OPEN' END AS status) x
             WHERE c.status = 'UNDER_CORRECTION'\
            """.formatted(NAME_UUID.formatted("'bench-obligation:' || c.n ||" + " ':periodic'")), p);
        jdbc.update("""
            INSERT INTO obligation_escalation (obligation_id, level, agency_id, escalated_at)
            SELECT o.id, 1, a.parent_id, o.due_at + interval '2 days' FROM obligation o
              JOIN bench_case c ON c.id = o.case_id JOIN agency a ON a.id = o.owing_agency_id
             WHERE o.escalation_level >= 1 AND a.parent_id IS NOT NULL
            UNION ALL
            SELECT o.id, 2, pg_temp.agency(c.city, 'CO'), o.due_at + interval '4 days' FROM obligation o
              JOIN bench_case c ON c.id = o.case_id WHERE o.escalation_level = 2\
            """, p);
        jdbc.update("""
            INSERT INTO casefile_party (case_id, agency_id, participation, since)
            SELECT DISTINCT ON (o.case_id, e.agency_id) o.case_id, e.agency_id,
                   CASE e.level WHEN 2 THEN 'COORDINATION' ELSE 'ESCALATION' END, e.escalated_at FROM obligation_escalation e
              JOIN obligation o ON o.id = e.obligation_id JOIN bench_case c ON c.id = o.case_id
            ON CONFLICT DO NOTHING\
            """, p);
        jdbc.update("""
            INSERT INTO obligation_history (obligation_id, case_id, occurred_at, event, status_after, due_at, agency_id)
            SELECT o.id, o.case_id, h.at, h.event, h.status, o.due_at, o.owing_agency_id
              FROM obligation o JOIN bench_case c ON c.id = o.case_id
             CROSS JOIN LATERAL (VALUES (o.started_at, 'OPENED', 'OPEN'), (o.fulfilled_at, o.status, o.status),
                                        (CASE WHEN o.status = 'OVERDUE' THEN o.due_at END, 'OVERDUE', 'OVERDUE')) AS h(at, event, status)
             WHERE h.at IS NOT NULL\
            """, p);
    }

    /** The legal documents: delivered by the court to the county agency with copies to procuratorate and police. */
    private void handovers(MapSqlParameterSource p) {
        jdbc.update("""
            INSERT INTO exchange_handover (id, case_id, kind, step_id, sender_agency_id, receiver_agency_id, status, round, audience,
                created_at, first_delivered_at, last_delivered_at, answered_at, updated_at)
            SELECT %s, id, 'LEGAL_DOCUMENTS', 'docs.deliver', court, county_agency,
                   CASE WHEN received_at IS NOT NULL THEN 'RECEIPTED' ELSE 'DELIVERED' END, 1,
                   'COPIED_POLICE,COPIED_PROCURATORATE,DECISION_ORGAN,EXECUTING_AGENCY', decided_at, decided_at + interval '3 days',
                   decided_at + interval '3 days', CASE WHEN received_at IS NOT NULL THEN decided_at + interval '5 days' END,
                   coalesce(received_at, decided_at + interval '3 days')
              FROM bench_case WHERE status <> 'ASSESSING'\
            """.formatted(NAME_UUID.formatted("'bench-handover:'" + " || n")), p);
        jdbc.update("""
            INSERT INTO exchange_copy (handover_id, agency_id, delivered_at)
            SELECT %s, x.agency, decided_at + interval '3 days' FROM bench_case
             CROSS JOIN LATERAL (VALUES (procuratorate), (police)) AS x(agency) WHERE status <> 'ASSESSING'\
            """.formatted(NAME_UUID.formatted("'bench-handover:'" + " || n")), p);
        jdbc.update(
                """
                INSERT INTO exchange_item (id, handover_id, position, code, title_enc, added_round)
                SELECT %s, %s, x.pos, x.code, x.title, 1 FROM bench_case
                 CROSS JOIN LATERAL (VALUES (1, 'DECISION_DOCUMENT', CAST(:title1 AS BYTEA)), (2, 'EXECUTION_NOTICE', CAST(:title2 AS BYTEA)),
                                            (3, 'REPORTING_NOTICE', CAST(:title3 AS BYTEA))) AS x(pos, code, title)
                 WHERE status <> 'ASSESSING'\
                """.formatted(
                                NAME_UUID.formatted("'bench-item:' || n || ':' || x.pos"),
                                NAME_UUID.formatted("'bench-handover:' || n")),
                p);
        jdbc.update("""
            INSERT INTO exchange_round (handover_id, round, delivered_at, delivered_by_name, outcome, answered_at, answered_by_name)
            SELECT %s, 1, decided_at + interval '3 days', '书记员', CASE WHEN received_at IS NOT NULL THEN 'RECEIPTED' END,
                   CASE WHEN received_at IS NOT NULL THEN decided_at + interval '5 days' END,
                   CASE WHEN received_at IS NOT NULL THEN '矫正工作人员' END
              FROM bench_case WHERE status <> 'ASSESSING'\
            """.formatted(NAME_UUID.formatted("'bench-handover:'" + " || n")), p);
    }

    /**
     * The statistics module's read models as its listeners would have written them: a row per case, a row per open
     * obligation, and the monthly counts (cases received and released, obligations due, on time, late and overdue,
     * handovers received and receipted) added to what earlier loads counted.
     */
    private void statistics(MapSqlParameterSource p) {
        jdbc.update("""
            INSERT INTO statistics_case (case_id, county_agency_id, office_id, district, correction_type, gender, minor, decided_at,
                received_at, released_at)
            SELECT id, county_agency, CASE WHEN status = 'ASSESSING' THEN NULL ELSE office END, county,
                   CASE WHEN status = 'ASSESSING' THEN NULL ELSE type END, gender, minor, decided_at, received_at, released_at
              FROM bench_case\
            """, p);
        jdbc.update("""
            INSERT INTO statistics_obligation (obligation_id, case_id, step_id, step_zh, step_en, agency_id, district, opened_at,
                due_at, status, overdue_at, escalation_level)
            SELECT o.id, o.case_id, o.step_id, o.step_id, o.step_id, o.owing_agency_id, c.county, o.started_at, o.due_at, o.status,
                   CASE WHEN o.status = 'OVERDUE' THEN o.due_at END, o.escalation_level
              FROM obligation o JOIN bench_case c ON c.id = o.case_id WHERE o.status IN ('OPEN', 'OVERDUE')\
            """, p);
        jdbc.update("""
            INSERT INTO statistics_monthly (month, agency_id, district, indicator, dimension, value)
            SELECT month, agency, district, indicator, '', count(*) FROM (
                SELECT date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai')::date AS month, county_agency AS agency,
                       county AS district, 'case.received' AS indicator FROM bench_case WHERE received_at IS NOT NULL
                UNION ALL
                SELECT date_trunc('month', decided_at AT TIME ZONE 'Asia/Shanghai')::date, court, county, 'case.decided' FROM bench_case
                UNION ALL
                SELECT date_trunc('month', o.due_at AT TIME ZONE 'Asia/Shanghai')::date, o.owing_agency_id, c.county, i.indicator
                  FROM obligation o JOIN bench_case c ON c.id = o.case_id
                 CROSS JOIN LATERAL (VALUES ('obligation.due'), (CASE o.status WHEN 'FULFILLED' THEN 'obligation.on-time'
                                                                                WHEN 'FULFILLED_LATE' THEN 'obligation.fulfilled-late'
                                                                                WHEN 'OVERDUE' THEN 'obligation.overdue' END)) AS i(indicator)
                 WHERE o.due_at < CAST(:now AS TIMESTAMPTZ) AND i.indicator IS NOT NULL
                UNION ALL
                SELECT date_trunc('month', (decided_at + interval '3 days') AT TIME ZONE 'Asia/Shanghai')::date, county_agency, county,
                       x.indicator
                  FROM bench_case CROSS JOIN LATERAL (VALUES ('handover.received'),
                       (CASE WHEN received_at IS NOT NULL THEN 'handover.receipted' END)) AS x(indicator)
                 WHERE status <> 'ASSESSING' AND x.indicator IS NOT NULL) AS counted
             GROUP BY month, agency, district, indicator
            ON CONFLICT (month, agency_id, indicator, dimension) DO UPDATE SET value = statistics_monthly.value + EXCLUDED.value\
            """, p);
    }

    /** Closes the loader's connection (its temporary tables go with it). */
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
