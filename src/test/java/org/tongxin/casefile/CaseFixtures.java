package org.tongxin.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewAssessment;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.support.Actors;

/**
 * Cases of the City A demo's Chengdong district (城东区) for tests, made through the case file's own commands as the
 * demo accounts would make them, and a way to act as a demo account outside MockMvc. Every subject gets an identity
 * number of its own (the database is shared by the whole test run and a known number links to the known person).
 */
public final class CaseFixtures {

    /** 东门街道, served by 城东区社区矫正管理局 and its 东门街道司法所. */
    public static final String DONGMEN = "369902001";

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final AtomicInteger CASE_NUMBERS = new AtomicInteger(100);

    private final CaseManagement management;
    private final AgencyDirectory agencies;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseFixtures(
            CaseManagement management, AgencyDirectory agencies, Actors actors, JdbcClient jdbc, Clock clock) {
        this.management = management;
        this.agencies = agencies;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs {@code work} as the demo account, as if it had logged in, then restores who was acting before. */
    public <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(actors.authenticationOf(actors.user(username), 0));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    public AgencyId agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    public LocalDate today() {
        return LegalTime.today(clock);
    }

    /** A valid resident identity number nobody else in this test run has, for a person born in Chengdong. */
    public static String identityNumber(LocalDate birth, Gender gender) {
        return IdentityNumbers.compose("369902", birth, PEOPLE.incrementAndGet(), gender);
    }

    /** A case number (案号) of 城东区人民法院 not used before in this test run. */
    public static String caseNumber() {
        return "（2026）赣0102刑初" + CASE_NUMBERS.incrementAndGet() + "号";
    }

    /** A person living in 东门街道 with every field filled in (phone, address, health; a guardian when young). */
    public static SubjectData subject(String name, Gender gender, LocalDate birth) {
        return new SubjectData(
                name,
                gender,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                identityNumber(birth, gender),
                birth,
                "13907001234",
                DONGMEN,
                "东门街道幸福路 8 号 3 单元 402 室",
                "王建国",
                "父亲",
                "13907005678",
                "高血压，每日服药");
    }

    public SubjectData adult(String name, Gender gender) {
        return subject(name, gender, today().minusYears(35).minusDays(PEOPLE.get() % 300));
    }

    /** Someone who was 16 at the offence a year ago. */
    public SubjectData minor(String name, Gender gender) {
        return subject(name, gender, today().minusYears(17).minusDays(10));
    }

    public OffenceData offence() {
        return new OffenceData(
                OffenceCategory.THEFT, "于东门菜市场盗窃电动自行车一辆，价值三千元", today().minusYears(1), java.util.List.of("盗窃罪"));
    }

    /** Probation decided by 城东区人民法院 twenty days ago, effective ten days ago, for two years. */
    public DecisionData decision(CorrectionType type) {
        LocalDate effective = today().minusDays(10);
        return new DecisionData(
                type,
                caseNumber(),
                effective.minusDays(10),
                effective,
                effective,
                effective.plusYears(2),
                null,
                false,
                type == CorrectionType.TEMPORARY_EXECUTION ? agency("A-PRISON") : null);
    }

    /** A case opened with its decision by the Chengdong court clerk: INTAKE at 城东区社区矫正管理局. */
    public CaseId decided(SubjectData subject) {
        return as(
                "cd.court.clerk",
                () -> management.openDecided(
                        new NewDecidedCase(subject, offence(), decision(CorrectionType.PROBATION))));
    }

    public CaseId decided() {
        return decided(adult("李明", Gender.MALE));
    }

    /**
     * A case on which the intake procedure has opened nothing (an assessment entrusted without a delivered letter),
     * for tests that open the ledger's obligations themselves.
     */
    public CaseId withoutObligations() {
        return assessing(adult("李明", Gender.MALE));
    }

    /** An investigation assessment the Chengdong court entrusted to the county agency of the residence: ASSESSING. */
    public CaseId assessing(SubjectData subject) {
        return as(
                "cd.court.clerk",
                () -> management.entrustAssessment(new NewAssessment(subject, offence(), null, false, caseNumber())));
    }

    /** Documents receipted (the system reports it), the subject reported in, registered: UNDER_CORRECTION. */
    public CaseId underCorrection(SubjectData subject) {
        return registered(decided(subject));
    }

    /** Like {@link #underCorrection(SubjectData)}, with the decision given (a parole with its original sentence …). */
    public CaseId underCorrection(SubjectData subject, DecisionData decision) {
        return registered(
                as("cd.court.clerk", () -> management.openDecided(new NewDecidedCase(subject, offence(), decision))));
    }

    private CaseId registered(CaseId id) {
        management.documentsState(id, DocumentsState.RECEIPTED);
        int decided = version(id);
        as("cd.county", () -> management.recordArrival(id, decided, false, null));
        int arrived = version(id);
        as("cd.county", () -> management.register(id, arrived));
        return id;
    }

    /** Assigned to 东门街道司法所 by the county agency. */
    public void assignDongmen(CaseId id) {
        int current = version(id);
        AgencyId dongmen = agency("CD-SO-DM");
        as("cd.county", () -> management.assignOffice(id, current, dongmen));
    }

    /** The case's current version, read with the system's scope: call it outside {@link #as}. */
    public int version(CaseId id) {
        return jdbc.sql("SELECT version FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    public CaseStatus status(CaseId id) {
        return CaseStatus.valueOf(jdbc.sql("SELECT status FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .single());
    }

    /** The term's last day, read with the system's scope. */
    public java.time.LocalDate termEnd(CaseId id) {
        return jdbc.sql("SELECT term_end FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(java.time.LocalDate.class)
                .single();
    }

    public UUID subjectOf(CaseId id) {
        return jdbc.sql("SELECT subject_id FROM casefile_case WHERE id = :id")
                .param("id", id.value())
                .query(UUID.class)
                .single();
    }
}
