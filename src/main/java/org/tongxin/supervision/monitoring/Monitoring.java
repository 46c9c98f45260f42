package org.tongxin.supervision.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.policy.Organ;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import org.tongxin.supervision.monitoring.MonitoringViews.NewPeriod;
import org.tongxin.supervision.monitoring.MonitoringViews.PeriodView;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionInput;
import org.tongxin.supervision.monitoring.MonitoringViews.PositionView;
import org.tongxin.supervision.monitoring.MonitoringViews.StoredPosition;
import org.tongxin.supervision.monitoring.internal.MonitoringPeriod;
import org.tongxin.supervision.monitoring.internal.MonitoringRepository;

/**
 * Electronic monitoring (电子定位, 《社区矫正法》第二十九条、第三十四条). The executing county agency proposes a period on one of
 * the law's grounds (the county judicial bureau becomes APPROVING_BUREAU and owes {@code em.approve}); the bureau's head
 * approves or refuses it; an approved period of at most 3 months is a clock on the ledger ({@code em.renew_end}, owed by
 * the county agency): end it before it runs out, or renew it with a new approval. Positions arrive from the monitoring
 * system (a system token scoped to the monitoring positions) or a CSV import, are stored encrypted only when an approved
 * period covers their time, and are read only by the executing agency.
 */
@Component
public class Monitoring {

    public static final String APPROVE_STEP = "em.approve";
    public static final String RENEW_END_STEP = "em.renew_end";
    /** How far ahead of the server's clock a device's time may be (clock drift), no more. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private static final Set<Participation> EXECUTING = EnumSet.of(Participation.EXECUTING_AGENCY);
    private static final Set<Participation> READERS =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.APPROVING_BUREAU);

    private final MonitoringRepository periods;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseAccess access;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Monitoring(
            MonitoringRepository periods,
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseAccess access,
            CaseSteps steps,
            ObligationLedger ledger,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.periods = periods;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.access = access;
        this.steps = steps;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The county agency proposes a period, or the renewal of the running one ({@code renews}). 404 without a lawful role;
     * 403 MONITORING_COUNTY_ONLY for others; 422 MONITORING_CASE_NOT_UNDER_CORRECTION, MONITORING_ALREADY_RUNNING (a
     * first period while one runs), MONITORING_RENEWAL_NOT_RUNNING, MONITORING_NO_BUREAU; 409 MONITORING_PROPOSAL_PENDING.
     */
    @Transactional
    public PeriodView propose(CaseId caseId, NewPeriod request) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EXECUTING, Role.COUNTY, "MONITORING_COUNTY_ONLY");
        if (currentUser.get().userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Instant now = clock.instant();
        MonitoringPeriod renewed = null;
        if (request.renews() != null) {
            renewed = periods.find(request.renews())
                    .filter(p -> p.caseId().equals(caseId))
                    .orElseThrow(() -> TongxinException.invalid("renews", "unknownPeriod"));
        }
        AgencyId bureau = steps.organ(facts, Organ.COUNTY_JUDICIAL_BUREAU).orElse(null);
        MonitoringPeriod period = MonitoringPeriod.propose(
                caseId,
                request.ground(),
                request.reason(),
                request.deviceId(),
                request.months(),
                renewed,
                facts.countyAgencyId(),
                bureau,
                now,
                currentUser.ref());
        if (facts.status() != CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.rule("MONITORING_CASE_NOT_UNDER_CORRECTION");
        }
        if (periods.hasPending(caseId)) {
            throw TongxinException.conflict("MONITORING_PROPOSAL_PENDING");
        }
        if (renewed == null && periods.ofCase(caseId).stream().anyMatch(p -> p.runningAt(now))) {
            throw TongxinException.rule("MONITORING_ALREADY_RUNNING");
        }
        if (bureau == null) {
            throw TongxinException.rule("MONITORING_NO_BUREAU");
        }
        periods.insert(period);
        caseManagement.grant(caseId, bureau, Participation.APPROVING_BUREAU);
        steps.open(facts, APPROVE_STEP, period.id().toString(), now, bureau, facts.countyAgencyId());
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "monitoring.proposed")
                .target("case", caseId)
                .detail("period", period.id())
                .detail("ground", period.ground())
                .detail("months", period.months()));
        PeriodView view = view(period);
        period.pullEvents().forEach(events::publishEvent);
        return view;
    }

    /** The county judicial bureau's head approves: the period starts (a renewal where the renewed one ends). */
    @Transactional
    public PeriodView approve(MonitoringPeriodId id, int version) {
        MonitoringPeriod period = forBureauHead(id, version);
        Instant now = clock.instant();
        MonitoringPeriod renewed =
                period.renews() == null ? null : periods.find(period.renews()).orElse(null);
        period.approve(renewed, now, currentUser.ref());
        periods.update(period);
        if (renewed != null) {
            periods.update(renewed);
            ledger.fulfil(period.caseId(), RENEW_END_STEP, renewed.id().toString(), now, currentUser.ref());
        }
        ledger.fulfil(period.caseId(), APPROVE_STEP, id.toString(), now, currentUser.ref());
        CaseFacts facts = cases.facts(period.caseId()).orElseThrow(TongxinException::notFound);
        steps.open(
                facts, RENEW_END_STEP, id.toString(), period.startsAt(), facts.countyAgencyId(), null, period.months());
        return decided(period, "monitoring.approved");
    }

    /** The county judicial bureau's head refuses, with the reason. */
    @Transactional
    public PeriodView refuse(MonitoringPeriodId id, int version, String reason) {
        MonitoringPeriod period = forBureauHead(id, version);
        Instant now = clock.instant();
        period.refuse(reason, now, currentUser.ref());
        periods.update(period);
        ledger.fulfil(period.caseId(), APPROVE_STEP, id.toString(), now, currentUser.ref());
        return decided(period, "monitoring.refused");
    }

    /** The county agency ends a running period before its end (no longer needed), with the reason. */
    @Transactional
    public PeriodView end(MonitoringPeriodId id, int version, String reason) {
        MonitoringPeriod period = periods.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(period.caseId()));
        access.requireAction(decision, EXECUTING, Role.COUNTY, "MONITORING_COUNTY_ONLY");
        requirePerson();
        checkVersion(period, version);
        Instant now = clock.instant();
        period.end(reason, now, currentUser.ref());
        periods.update(period);
        ledger.fulfil(period.caseId(), RENEW_END_STEP, id.toString(), now, currentUser.ref());
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "monitoring.ended")
                .target("case", period.caseId())
                .detail("period", id));
        PeriodView view = view(period);
        period.pullEvents().forEach(events::publishEvent);
        return view;
    }

    /** A case's periods, newest first: for the executing agency and the bureau asked to approve (others 403). */
    @Transactional(readOnly = true)
    public List<PeriodView> periods(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(
                decision,
                READERS,
                EnumSet.of(Role.COUNTY_OFFICER, Role.COUNTY_HEAD, Role.BUREAU_HEAD),
                "MONITORING_NOT_FOR_YOU");
        return periods.ofCase(caseId).stream().map(Monitoring::view).toList();
    }

    /** One period, as {@link #periods} decides. */
    @Transactional(readOnly = true)
    public PeriodView period(MonitoringPeriodId id) {
        MonitoringPeriod period = periods.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(period.caseId()));
        access.requireAction(
                decision,
                READERS,
                EnumSet.of(Role.COUNTY_OFFICER, Role.COUNTY_HEAD, Role.BUREAU_HEAD),
                "MONITORING_NOT_FOR_YOU");
        return view(period);
    }

    /** Whether the caller may read the case's positions (the executing agency's county staff), without throwing. */
    @Transactional(readOnly = true)
    public boolean mayReadPositions(CaseId caseId) {
        CaseAccessDecision decision = access.decide(cases.parties(caseId));
        return decision.holdsAny(EXECUTING)
                && currentUser
                        .find()
                        .map(p -> p.roles().stream().anyMatch(Role.COUNTY::contains))
                        .orElse(false);
    }

    /** A case's positions, newest first, paged: the executing agency only (others 403); audited as a personal-data read. */
    @Transactional
    public PageResult<PositionView> positions(CaseId caseId, PageQuery page, String purpose) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EXECUTING, Role.COUNTY, "MONITORING_POSITIONS_EXECUTING_AGENCY_ONLY");
        PageResult<PositionView> result = periods.positions(caseId, page);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "monitoring.positions.view")
                .target("case", caseId)
                .subjects(cases.subjectId(caseId).stream().toList())
                .purpose(purpose));
        return result;
    }

    /**
     * Stores one position from the monitoring system: by {@code deviceId} (the device of an approved period) or
     * {@code caseId}. 400 for bad input; 404 for a case the caller has no lawful role in; 403 unless the caller acts for
     * the executing agency; 422 POSITION_OUTSIDE_APPROVED_PERIOD when no approved period covers its time, and
     * MONITORING_DEVICE_UNKNOWN for a device no period of the caller's cases names. Nothing stored on a refusal.
     */
    @Transactional
    public StoredPosition record(PositionInput input) {
        Instant now = clock.instant();
        FieldProblems problems = check(input, now);
        problems.throwIfAny();
        CaseId caseId = input.caseId();
        String device = input.deviceId() == null || input.deviceId().isBlank()
                ? null
                : input.deviceId().strip();
        List<MonitoringPeriod> candidates;
        if (device != null) {
            candidates = periods.ofDevice(device);
            if (candidates.isEmpty()) {
                if (caseId != null) {
                    access.require(cases.parties(caseId));
                }
                throw TongxinException.rule("MONITORING_DEVICE_UNKNOWN");
            }
            if (caseId != null && candidates.stream().noneMatch(p -> p.caseId().equals(input.caseId()))) {
                throw TongxinException.invalid("deviceId", "deviceNotOfCase");
            }
            MonitoringPeriod covering = candidates.stream()
                    .filter(p -> p.covers(input.time()))
                    .findFirst()
                    .orElse(candidates.getFirst());
            caseId = covering.caseId();
            candidates = candidates.stream()
                    .filter(p -> p.caseId().equals(covering.caseId()))
                    .toList();
        } else {
            candidates = null;
        }
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EXECUTING, Role.COUNTY, "MONITORING_POSITIONS_EXECUTING_AGENCY_ONLY");
        if (candidates == null) {
            candidates = periods.ofCase(caseId);
        }
        return store(caseId, candidates, input, "API", now);
    }

    /** At most this many rows in one import. */
    public static final int MAX_IMPORT_ROWS = 10_000;

    /**
     * Imports positions from a CSV file (UTF-8, header {@code time,latitude,longitude,accuracy}; one position a line) into
     * a case, all or nothing: every row is checked as the API checks one position, including that an approved period
     * covers it; when any row is bad nothing is stored and the answer is 422 POSITION_IMPORT_REJECTED with each bad row's
     * line, field and code. The executing agency's county staff only (404 / 403).
     */
    @Transactional
    public MonitoringViews.ImportReport importPositions(CaseId caseId, String csv) {
        List<MonitoringPeriod> candidates = forImport(caseId);
        Instant now = clock.instant();
        List<org.tongxin.shared.error.FieldProblem> problems = new java.util.ArrayList<>();
        List<PositionInput> rows = new java.util.ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.replace("\uFEFF", "").split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length
                || !lines[first].strip().replace(" ", "").equalsIgnoreCase("time,latitude,longitude,accuracy")) {
            throw TongxinException.invalid("file", "positionsHeader");
        }
        java.util.Set<Instant> seen = new java.util.HashSet<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            if (rows.size() + problems.size() >= MAX_IMPORT_ROWS) {
                throw TongxinException.invalid("file", "maxRows", MAX_IMPORT_ROWS);
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != 4) {
                problems.add(new org.tongxin.shared.error.FieldProblem("rows[" + line + "]", "columns", 4));
                continue;
            }
            FieldProblems rowProblems = new FieldProblems();
            Instant time = parseTime(cells[0].strip(), rowProblems);
            double latitude = parseNumber(cells[1].strip(), "latitude", rowProblems);
            double longitude = parseNumber(cells[2].strip(), "longitude", rowProblems);
            java.math.BigDecimal accuracy = parseDecimal(cells[3].strip(), rowProblems);
            PositionInput input = new PositionInput(null, caseId, time, latitude, longitude, accuracy);
            check(input, now).list().stream()
                    .filter(p -> !rowProblems.has(p.field()))
                    .forEach(p -> rowProblems.add(p.field(), p.code(), p.args()));
            if (rowProblems.isEmpty() && !seen.add(time)) {
                rowProblems.add("time", "duplicateTime");
            }
            if (rowProblems.isEmpty() && candidates.stream().noneMatch(p -> p.covers(time))) {
                rowProblems.add("time", "outsideApprovedPeriod");
            }
            if (rowProblems.isEmpty()) {
                rows.add(input);
            } else {
                rowProblems
                        .list()
                        .forEach(p -> problems.add(new org.tongxin.shared.error.FieldProblem(
                                "rows[" + line + "]." + p.field(), p.code(), p.args())));
            }
        }
        if (!problems.isEmpty()) {
            throw new TongxinException(
                    org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "POSITION_IMPORT_REJECTED",
                    problems,
                    problems.stream()
                            .map(p -> p.field().substring(0, p.field().indexOf(']') + 1))
                            .distinct()
                            .count());
        }
        if (rows.isEmpty()) {
            throw TongxinException.invalid("file", "noPositions");
        }
        int stored = 0;
        for (PositionInput row : rows) {
            if (!store(caseId, candidates, row, "IMPORT", now).repeated()) {
                stored++;
            }
        }
        auditImport(caseId, stored);
        return new MonitoringViews.ImportReport(rows.size(), stored, List.of());
    }

    private static Instant parseTime(String text, FieldProblems problems) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("time", "isoDateTimeWithOffset");
            return null;
        }
    }

    private static double parseNumber(String text, String field, FieldProblems problems) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && !text.isEmpty()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field, "number");
        return Double.NaN;
    }

    private static java.math.BigDecimal parseDecimal(String text, FieldProblems problems) {
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add("accuracy", "number");
            return null;
        }
    }

    /** The problems of one position's input (none when it is good). */
    static FieldProblems check(PositionInput input, Instant now) {
        FieldProblems problems = new FieldProblems();
        if ((input.deviceId() == null || input.deviceId().isBlank()) && input.caseId() == null) {
            problems.add("deviceId", "deviceOrCase");
        }
        if (input.deviceId() != null
                && (input.deviceId().strip().length() > 64
                        || !input.deviceId().strip().matches("[A-Za-z0-9._:-]*"))) {
            problems.add("deviceId", "deviceId");
        }
        if (input.time() == null) {
            problems.add("time", "required");
        } else if (input.time().isAfter(now.plus(CLOCK_TOLERANCE))) {
            problems.add("time", "notFuture");
        }
        if (!(input.latitude() >= -90 && input.latitude() <= 90)) {
            problems.add("latitude", "range", -90, 90);
        }
        if (!(input.longitude() >= -180 && input.longitude() <= 180)) {
            problems.add("longitude", "range", -180, 180);
        }
        if (input.accuracy() == null) {
            problems.add("accuracy", "required");
        } else if (input.accuracy().signum() <= 0
                || input.accuracy().compareTo(java.math.BigDecimal.valueOf(100_000)) > 0) {
            problems.add("accuracy", "range", 0, 100_000);
        }
        return problems;
    }

    StoredPosition store(
            CaseId caseId, List<MonitoringPeriod> candidates, PositionInput input, String source, Instant now) {
        MonitoringPeriod period = candidates.stream()
                .filter(p -> p.covers(input.time()))
                .findFirst()
                .orElseThrow(() -> TongxinException.rule("POSITION_OUTSIDE_APPROVED_PERIOD"));
        UUID id = UUID.randomUUID();
        boolean stored = periods.insertPosition(
                id,
                caseId,
                period.id(),
                input.time(),
                input.latitude(),
                input.longitude(),
                input.accuracy().setScale(1, java.math.RoundingMode.HALF_UP),
                source,
                now);
        if (!stored) {
            return new StoredPosition(
                    periods.positionAt(caseId, input.time()).orElse(id), caseId, period.id(), input.time(), true);
        }
        return new StoredPosition(id, caseId, period.id(), input.time(), false);
    }

    /** The periods of a case the caller may import positions into (the executing agency's county staff; else 404/403). */
    List<MonitoringPeriod> forImport(CaseId caseId) {
        CaseAccessDecision decision = access.require(cases.parties(caseId));
        access.requireAction(decision, EXECUTING, Role.COUNTY, "MONITORING_POSITIONS_EXECUTING_AGENCY_ONLY");
        requirePerson();
        return periods.ofCase(caseId);
    }

    void auditImport(CaseId caseId, int stored) {
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "monitoring.positions.imported")
                .target("case", caseId)
                .detail("positions", stored));
    }

    /** The application's clock, for pages deciding which periods run now. */
    public Instant nowForPages() {
        return clock.instant();
    }

    private MonitoringPeriod forBureauHead(MonitoringPeriodId id, int version) {
        MonitoringPeriod period = periods.find(id).orElseThrow(TongxinException::notFound);
        CaseAccessDecision decision = access.require(cases.parties(period.caseId()));
        access.requireAction(
                decision,
                EnumSet.of(Participation.APPROVING_BUREAU),
                EnumSet.of(Role.BUREAU_HEAD),
                "MONITORING_BUREAU_HEAD_ONLY");
        if (!period.bureauId().equals(currentUser.get().agency())) {
            throw TongxinException.forbidden("MONITORING_BUREAU_HEAD_ONLY");
        }
        requirePerson();
        checkVersion(period, version);
        return period;
    }

    private PeriodView decided(MonitoringPeriod period, String action) {
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, action)
                .target("case", period.caseId())
                .detail("period", period.id()));
        PeriodView view = view(period);
        period.pullEvents().forEach(events::publishEvent);
        // The bureau's role in the case ends with the approval asked of it, unless another proposal waits.
        caseManagement.revokeGrant(
                period.caseId(),
                period.bureauId(),
                Participation.APPROVING_BUREAU,
                () -> periods.hasPending(period.caseId()));
        return view;
    }

    private void requirePerson() {
        if (currentUser.get().userId() == null) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
    }

    private static void checkVersion(MonitoringPeriod period, int version) {
        if (period.version() != version) {
            throw TongxinException.staleVersion();
        }
    }

    static PeriodView view(MonitoringPeriod p) {
        return new PeriodView(
                p.id(),
                p.caseId(),
                p.state(),
                p.ground(),
                p.reason(),
                p.deviceId(),
                p.months(),
                p.renews(),
                p.proposedAt(),
                p.decidedAt(),
                p.refusal(),
                p.startsAt(),
                p.endsAt(),
                p.endedAt(),
                p.endReason(),
                p.version());
    }

    /** The period running at {@code at} in a case the caller reads, if any (for pages). */
    @Transactional(readOnly = true)
    public Optional<PeriodView> runningAt(CaseId caseId, Instant at) {
        return periods.ofCase(caseId).stream()
                .filter(p -> p.runningAt(at))
                .findFirst()
                .map(Monitoring::view);
    }
}
