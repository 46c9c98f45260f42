package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectField;
import org.tongxin.shared.security.ActorRef;

/**
 * Stores the subject of a new case. Anyone not known yet gets a record. A person already known (by the keyed hash of
 * their identity number under any live key, asked of the owner's lookup function across all cases) keeps their record
 * as it is (issue 9, item 4):
 * the new case links to it and keeps what its writer entered as the case's own statement (shown on that case, so the
 * writer never learns the record), and the fields that differ are proposed to the executing agencies of the person's
 * other cases, who confirm or reject them ({@code SubjectChanges}). Also encrypts the offence details onto the case.
 */
@Component
public class SubjectWriter {

    /** The subject a new case links to; {@code known}: a person who had a record before, with what the writer entered. */
    public record Link(UUID subjectId, boolean known, SubjectData entered) {}

    private final CaseRepository cases;
    private final SubjectChangeRepository changes;
    private final SubjectCodec codec;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    SubjectWriter(
            CaseRepository cases,
            SubjectChangeRepository changes,
            SubjectCodec codec,
            AgencyDirectory agencies,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.changes = changes;
        this.codec = codec;
        this.agencies = agencies;
        this.audit = audit;
        this.events = events;
    }

    /** The person's record: the one already known (left as it is), or a new one. */
    public Link subject(SubjectData data, Instant now) {
        Optional<UUID> known = cases.subjectByIdHash(codec.idHashes(data.idNumber()));
        if (known.isPresent()) {
            return new Link(known.get(), true, data);
        }
        UUID id = UUID.randomUUID();
        cases.insertSubject(codec.encode(id, data, 0), now);
        return new Link(id, false, data);
    }

    /**
     * Once the new case is stored: for a known person, the case's own statement, and a proposed change of the fields
     * that differ from the record, on the timelines of the person's other cases. The writer's answer is the same either
     * way.
     */
    public void linked(Link link, CaseId caseId, AgencyId writer, Instant now, ActorRef actor) {
        if (!link.known()) {
            return;
        }
        cases.insertStatement(new CaseRepository.StatementRow(
                caseId, link.subjectId(), codec.state(link.entered(), SubjectCodec.STATEMENT), writer, now));
        // The record is compared, never shown: the writer's agency reads it through the case it has just stored.
        CaseRepository.SubjectRow record = cases.subject(link.subjectId()).orElseThrow();
        Set<SubjectField> differing = codec.differences(record, link.entered());
        List<CaseId> others = cases.otherCasesOf(link.subjectId(), caseId);
        if (differing.isEmpty() || others.isEmpty()) {
            return;
        }
        AgencyView organ = agencies.get(writer);
        SubjectChange change = SubjectChange.propose(
                SubjectChangeId.random(),
                link.subjectId(),
                caseId,
                writer,
                organ.nameZh(),
                organ.nameEn() == null ? organ.nameZh() : organ.nameEn(),
                differing,
                others,
                now,
                actor);
        changes.insert(change, codec.proposed(link.entered(), differing));
        change.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "subject.change.propose")
                .target("subject-change", change.id())
                .subjects(List.of(link.subjectId()))
                .detail("case", caseId)
                .detail("fields", differing.size()));
    }

    public void offence(CorrectionCase c, OffenceData offence, LocalDate birthDate) {
        c.offence(
                offence.category(),
                codec.encrypt(offence.details(), SubjectCodec.OFFENCE),
                offence.offenceDate(),
                org.tongxin.casefile.Charges.normalise(offence.charges()),
                CaseRules.minorAt(birthDate, offence.offenceDate()));
    }
}
