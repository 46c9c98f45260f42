package org.tongxin.casefile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.SubjectChangeViews.CaseRef;
import org.tongxin.casefile.SubjectChangeViews.Line;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeSummary;
import org.tongxin.casefile.SubjectChangeViews.SubjectChangeView;
import org.tongxin.casefile.internal.CaseRepository;
import org.tongxin.casefile.internal.SubjectChange;
import org.tongxin.casefile.internal.SubjectChangeRepository;
import org.tongxin.casefile.internal.SubjectCodec;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Proposed changes of a subject's record (issue 9, item 4): when a case is opened for a person already known, the
 * fields its writer stated differently are offered to the executing agencies of the person's other cases. They and the
 * judicial offices those cases are assigned to read a proposal (current and proposed values side by side, audited); the
 * executing agency's officers confirm it (the record takes the fields) or reject it with a reason. Anyone with another
 * role in those cases is refused (403); anyone else finds nothing (404). A stale version is 409.
 */
@Component
public class SubjectChanges {

    private final org.tongxin.casefile.internal.SealedRecords sealed;

    /** Who reads a proposal: the person's other cases' executing agencies and assigned offices. */
    static final Set<Participation> READERS = EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);

    static final Set<Role> DECIDING_ROLES = Role.COUNTY;
    static final String REASON = SubjectCodec.CHANGE + ".rejection_reason";

    private final SubjectChangeRepository changes;
    private final CaseRepository cases;
    private final SubjectCodec codec;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubjectChanges(
            SubjectChangeRepository changes,
            CaseRepository cases,
            SubjectCodec codec,
            CaseAccess access,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            org.tongxin.casefile.internal.SealedRecords sealed) {
        this.sealed = sealed;
        this.changes = changes;
        this.cases = cases;
        this.codec = codec;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The proposals about the people of the caller's cases (executing agency or assigned office), newest first by default. */
    @Transactional
    public PageResult<SubjectChangeSummary> list(SubjectChangeStatus status, PageQuery page, String purpose) {
        TongxinPrincipal me = currentUser.get();
        if (!me.worksCases() || me.agencyId() == null) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        PageResult<SubjectChangeRepository.Row> rows = changes.forAgency(me.agency(), READERS, status, page);
        PageResult<SubjectChangeSummary> result = rows.map(r -> {
            SubjectChange c = r.change();
            return new SubjectChangeSummary(
                    c.id(),
                    c.status(),
                    cases.subject(c.subjectId())
                            .map(CaseRepository.SubjectRow::name)
                            .orElse(null),
                    refs(readable(c).cases()),
                    c.fields(),
                    c.proposedBy(),
                    c.proposedAt(),
                    c.decidedAt(),
                    c.version());
        });
        if (!result.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "subject.change.list")
                    .purpose(purpose)
                    .subjects(rows.items().stream()
                            .map(r -> r.change().subjectId())
                            .distinct()
                            .toList()));
        }
        return result;
    }

    /** A proposal with the record's and the proposed values (404 / 403 as the class says); the read is audited. */
    @Transactional
    public SubjectChangeView view(SubjectChangeId id, String purpose) {
        SubjectChangeRepository.Row row = changes.find(id).orElseThrow(TongxinException::notFound);
        SubjectChange c = row.change();
        Reader reader = require(c);
        CaseRepository.SubjectRow record = cases.subject(c.subjectId()).orElseThrow(TongxinException::notFound);
        Map<SubjectField, String> current = codec.values(record);
        Map<SubjectField, String> proposed = codec.values(row.proposed(), SubjectCodec.CHANGE);
        List<Line> lines = c.fields().stream()
                .sorted()
                .map(f -> new Line(f, current.get(f), proposed.get(f)))
                .toList();
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "subject.change.view")
                .target("subject-change", id)
                .subjects(List.of(c.subjectId()))
                .purpose(purpose));
        return new SubjectChangeView(
                c.id(),
                c.status(),
                record.name(),
                refs(reader.cases()),
                lines,
                c.proposedBy(),
                c.proposedAt(),
                c.decidedAt(),
                c.decidedByName(),
                c.decidedByAgency(),
                row.rejectionReason() == null ? null : codec.decrypt(row.rejectionReason(), REASON),
                c.version(),
                reader.mayDecide());
    }

    /** The executing agency confirms: the record takes the proposed fields; on the timelines of the person's other cases. */
    @Transactional
    public void confirm(SubjectChangeId id, int version) {
        SubjectChangeRepository.Row row = decidable(id, version);
        SubjectChange c = row.change();
        Instant now = clock.instant();
        CaseRepository.SubjectRow record = cases.subject(c.subjectId()).orElseThrow(TongxinException::notFound);
        c.confirm(currentUser.get().agency(), currentUser.ref().name(), others(c), now, currentUser.ref());
        if (!cases.updateSubjectIfCurrent(codec.apply(record, row.proposed(), c.fields()), now)
                || !changes.update(c, null)) {
            throw TongxinException.staleVersion();
        }
        c.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "subject.change.confirm")
                .target("subject-change", id)
                .subjects(List.of(c.subjectId()))
                .detail("fields", c.fields().size()));
    }

    /** The executing agency rejects, with the reason: the record stays; the new case keeps its own statement. */
    @Transactional
    public void reject(SubjectChangeId id, int version, String reason) {
        SubjectChangeRepository.Row row = decidable(id, version);
        SubjectChange c = row.change();
        c.reject(
                reason,
                currentUser.get().agency(),
                currentUser.ref().name(),
                others(c),
                clock.instant(),
                currentUser.ref());
        if (!changes.update(c, codec.encrypt(c.rejectionReason(), REASON))) {
            throw TongxinException.staleVersion();
        }
        c.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "subject.change.reject")
                .target("subject-change", id)
                .subjects(List.of(c.subjectId()))
                .detail("fields", c.fields().size()));
    }

    /** How many proposals await the caller's executing agency (0 for anyone who does not decide them). */
    @Transactional(readOnly = true)
    public long awaitingMyDecision() {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.agencyId() == null || me.roles().stream().noneMatch(DECIDING_ROLES::contains)) {
            return 0;
        }
        return changes.awaiting(me.agency());
    }

    /** The open proposals about the subject of a case, for its executing agency and assigned office (else none). */
    @Transactional(readOnly = true)
    public List<SubjectChangeId> pendingAbout(CaseId caseId) {
        CaseAccessDecision decision = access.decide(sealed.parties(caseId));
        return decision.holdsAny(READERS) ? changes.pendingAbout(caseId) : List.of();
    }

    // Helpers

    /** The reader's cases of the person (other than the proposing case) and what they may do. */
    private record Reader(List<CaseId> cases, boolean holdsAny, boolean reads, boolean mayDecide) {}

    private Reader readable(SubjectChange c) {
        List<CaseId> mine = new ArrayList<>();
        Set<Participation> held = EnumSet.noneOf(Participation.class);
        for (CaseId other : others(c)) {
            CaseAccessDecision decision = access.decide(sealed.parties(other));
            if (decision.visible()) {
                held.addAll(decision.held());
                if (decision.holdsAny(READERS)) {
                    mine.add(other);
                }
            }
        }
        TongxinPrincipal me = currentUser.get();
        boolean decides = held.contains(Participation.EXECUTING_AGENCY)
                && me.roles().stream().anyMatch(DECIDING_ROLES::contains);
        return new Reader(mine, !held.isEmpty(), held.stream().anyMatch(READERS::contains), decides);
    }

    private Reader require(SubjectChange c) {
        Reader reader = readable(c);
        if (!reader.holdsAny()) {
            throw TongxinException.notFound();
        }
        if (!reader.reads()) {
            throw TongxinException.forbidden("NOT_EXECUTING_AGENCY");
        }
        return reader;
    }

    private SubjectChangeRepository.Row decidable(SubjectChangeId id, int version) {
        SubjectChangeRepository.Row row = changes.find(id).orElseThrow(TongxinException::notFound);
        if (!require(row.change()).mayDecide()) {
            throw TongxinException.forbidden("NOT_EXECUTING_AGENCY");
        }
        if (row.change().version() != version) {
            throw TongxinException.staleVersion();
        }
        return row;
    }

    /** Every other case of the person (the decision names them all, and each reader is checked per case). */
    private List<CaseId> others(SubjectChange c) {
        return cases.otherCasesOf(c.subjectId(), c.sourceCaseId());
    }

    private List<CaseRef> refs(List<CaseId> ids) {
        return ids.stream()
                .map(id -> new CaseRef(
                        id, cases.find(id).map(x -> x.facts(null).caseNumber()).orElse(null)))
                .toList();
    }
}
