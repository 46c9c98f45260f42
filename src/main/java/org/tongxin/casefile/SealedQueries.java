package org.tongxin.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.internal.CaseRepository;
import org.tongxin.casefile.internal.SealedQueryRepository;
import org.tongxin.casefile.internal.SealedQueryRepository.Row;
import org.tongxin.casefile.internal.SubjectCodec;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * Lawful queries of sealed records (CPL art. 286; CCL art. 54; doc/security-requirements.md S10). A minor's sealed case is read by
 * nobody; a party of the case may ask to read it, naming the legal basis and what for; the head of the county
 * community correction agency approves (for at most 30 days) or refuses; the grant opens the case to the person who
 * asked until it expires. Every request, decision and read attempt of a sealed case is audited.
 */
@Component
public class SealedQueries {

    /** The longest a grant may run. */
    public static final int MAX_DAYS = 30;

    static final String REASON = "casefile_sealed_query.reason";

    private final SealedQueryRepository queries;
    private final CaseRepository cases;
    private final SubjectCodec codec;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ClusterLock lock;
    private final Clock clock;

    SealedQueries(
            SealedQueryRepository queries,
            CaseRepository cases,
            SubjectCodec codec,
            CaseAccess access,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            ClusterLock lock,
            Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.codec = codec;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.lock = lock;
        this.clock = clock;
    }

    /** What a person asks: the legal basis, what for (10–500 characters, kept encrypted) and for how many days. */
    public record QueryRequest(SealedQueryBasis basis, String reason, Integer days) {}

    /** A request as the agency that asked or the county agency that decides sees it. */
    public record SealedQueryView(
            UUID id,
            CaseId caseId,
            AgencyId requesterAgencyId,
            UUID requesterUserId,
            SealedQueryBasis basis,
            String reason,
            int days,
            SealedQueryStatus status,
            Instant requestedAt,
            Instant decidedAt,
            Instant expiresAt,
            int version) {}

    /**
     * A party of the sealed case asks to read it (a caller without a lawful role in it: 404; the case not sealed: 409
     * CASE_NOT_SEALED; an open request or live grant of the same person: 409 QUERY_ALREADY_OPEN).
     */
    @Transactional
    public UUID request(CaseId caseId, QueryRequest request) {
        TongxinPrincipal me = currentUser.get();
        access.require(cases.parties(caseId));
        if (me.kind() != TongxinPrincipal.Kind.SESSION && me.kind() != TongxinPrincipal.Kind.PERSONAL_TOKEN) {
            throw TongxinException.forbidden("PERSON_REQUIRED");
        }
        FieldProblems problems = new FieldProblems();
        if (request == null || request.basis() == null) {
            problems.add("basis", "required");
        }
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty()) {
            problems.add("reason", "required");
        } else if (reason.length() < 10) {
            problems.add("reason", "minLength", 10);
        } else if (reason.length() > 500) {
            problems.add("reason", "maxLength", 500);
        }
        if (request == null || request.days() == null) {
            problems.add("days", "required");
        } else if (request.days() < 1 || request.days() > MAX_DAYS) {
            problems.add("days", "range", 1, MAX_DAYS);
        }
        problems.throwIfAny();
        UUID county =
                queries.sealedCounty(caseId.value()).orElseThrow(() -> TongxinException.conflict("CASE_NOT_SEALED"));
        Instant now = clock.instant();
        if (queries.openFor(caseId.value(), me.userId(), now)) {
            throw TongxinException.conflict("QUERY_ALREADY_OPEN");
        }
        UUID id = UUID.randomUUID();
        queries.insert(
                id,
                caseId.value(),
                county,
                me.agencyId(),
                me.userId(),
                request.basis(),
                codec.encrypt(reason, REASON),
                request.days(),
                now);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.sealed.query-requested")
                .target("case", caseId)
                .detail("query", id)
                .detail("basis", request.basis()));
        events.publishEvent(new SealedQueryEvents.SealedQueryRequested(
                UUID.randomUUID(), caseId, id, request.basis(), now, currentUser.ref()));
        return id;
    }

    /** The county agency head approves: the grant runs for the days asked from now (404 / 403 NOT_COUNTY_HEAD / 409). */
    @Transactional
    public void approve(CaseId caseId, UUID queryId, int version) {
        Row q = decidable(caseId, queryId, version);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(q.days()));
        if (!queries.decide(
                queryId, version, SealedQueryStatus.APPROVED, currentUser.get().userId(), now, expires)) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.sealed.query-approved")
                .target("case", caseId)
                .detail("query", queryId)
                .detail("expiresAt", expires));
        events.publishEvent(new SealedQueryEvents.SealedQueryDecided(
                UUID.randomUUID(), caseId, queryId, SealedQueryStatus.APPROVED, expires, now, currentUser.ref()));
    }

    /** The county agency head refuses the request. */
    @Transactional
    public void refuse(CaseId caseId, UUID queryId, int version) {
        Row q = decidable(caseId, queryId, version);
        Instant now = clock.instant();
        if (!queries.decide(
                q.id(), version, SealedQueryStatus.REFUSED, currentUser.get().userId(), now, null)) {
            throw TongxinException.staleVersion();
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "case.sealed.query-refused")
                .target("case", caseId)
                .detail("query", queryId));
        events.publishEvent(new SealedQueryEvents.SealedQueryDecided(
                UUID.randomUUID(), caseId, queryId, SealedQueryStatus.REFUSED, null, now, currentUser.ref()));
    }

    /** The requests the caller's agency made or must decide (row-level security keeps the others out), newest first. */
    @Transactional(readOnly = true)
    public List<SealedQueryView> mine() {
        TongxinPrincipal me = currentUser.get();
        if (me.isAdmin() || me.agencyId() == null) {
            return List.of();
        }
        return queries.forAgency(me.agencyId()).stream().map(this::view).toList();
    }

    /** The requests about one case that the caller's agency made or must decide (none: 404). */
    @Transactional(readOnly = true)
    public List<SealedQueryView> ofCase(CaseId caseId) {
        TongxinPrincipal me = currentUser.get();
        access.require(cases.parties(caseId));
        List<SealedQueryView> found = queries.forAgency(me.agencyId()).stream()
                .filter(r -> r.caseId().equals(caseId.value()))
                .map(this::view)
                .toList();
        return found;
    }

    /** Grants whose time ran out become EXPIRED (the application refuses them already by its clock). */
    @Scheduled(fixedDelayString = "${tongxin.sealed-queries.expiry-scan:PT1M}")
    public void expireScheduled() {
        lock.runExclusively("casefile-sealed-query-expiry", this::expireDue);
    }

    /** Marks the grants that ran out as EXPIRED; returns how many. */
    @Transactional
    public int expireDue() {
        return queries.expire(clock.instant());
    }

    private Row decidable(CaseId caseId, UUID queryId, int version) {
        TongxinPrincipal me = currentUser.get();
        Row q = queries.find(queryId)
                .filter(r -> r.caseId().equals(caseId.value()))
                .orElseThrow(TongxinException::notFound);
        if (me.agencyId() == null || !me.agencyId().equals(q.countyAgencyId())) {
            throw TongxinException.notFound();
        }
        if (!me.has(Role.COUNTY_HEAD)) {
            throw TongxinException.forbidden("NOT_COUNTY_HEAD");
        }
        if (q.status() != SealedQueryStatus.REQUESTED) {
            throw TongxinException.conflict("QUERY_ALREADY_DECIDED");
        }
        if (q.version() != version) {
            throw TongxinException.staleVersion();
        }
        return q;
    }

    private SealedQueryView view(Row r) {
        return new SealedQueryView(
                r.id(),
                CaseId.of(r.caseId()),
                AgencyId.of(r.requesterAgencyId()),
                r.requesterUserId(),
                r.basis(),
                codec.decrypt(r.reason(), REASON),
                r.days(),
                r.status(),
                r.requestedAt(),
                r.decidedAt(),
                r.expiresAt(),
                r.version());
    }

    static final EnumSet<SealedQueryStatus> OPEN = EnumSet.of(SealedQueryStatus.REQUESTED, SealedQueryStatus.APPROVED);
}
