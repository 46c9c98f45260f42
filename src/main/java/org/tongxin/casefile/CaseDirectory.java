package org.tongxin.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyId;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.CaseViews.TimelineItem;
import org.tongxin.casefile.internal.CaseRepository;
import org.tongxin.casefile.internal.CorrectionCase;
import org.tongxin.casefile.internal.SubjectCodec;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads cases for people (cut to what their lawful role allows, every read audited) and facts for the system. A
 * case the caller's agency has no lawful role in does not exist for them (404), in lists and search too.
 */
@Component
public class CaseDirectory {

    private final org.tongxin.casefile.internal.SealedRecords sealed;

    /**
     * Who sees the protected fields (identity number, phones, address, health, offence details) and the case's documents:
     * the case's own organs, and those that must identify the person for their part — the county agency consulted about
     * a move (it verifies the new residence), an organ that detained the subject, rules on a proposal or holds the
     * subject.
     */
    public static final Set<Participation> PROTECTED_FIELDS = EnumSet.of(
            Participation.EXECUTING_AGENCY,
            Participation.ASSIGNED_OFFICE,
            Participation.DECISION_ORGAN,
            Participation.COPIED_PROCURATORATE,
            Participation.COPIED_POLICE,
            Participation.HANDOVER_INSTITUTION,
            Participation.RECEIVING_AGENCY,
            Participation.DETAINING_ORGAN,
            Participation.RULING_ORGAN,
            Participation.CUSTODIAL_INSTITUTION);
    /** A minor's own team (CCL art. 54): only they see the identity unmasked. */
    public static final Set<Participation> MINORS_TEAM =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE, Participation.DECISION_ORGAN);

    public static final Set<String> SORTABLE = Set.of("updated", "effective", "status");
    /**
     * Parties that see a case's state but of its record only their own agency's part (ADR 0021): a former place of
     * execution, the county judicial bureau asked for an approval, the county agency consulted about a move. A reader
     * whose participations are all among these sees, of the timeline, the entries its own agency made (and those
     * addressed to it), and of the ledger its own obligations.
     */
    public static final Set<Participation> OWN_PART_ONLY = EnumSet.of(
            Participation.FORMER_EXECUTING_AGENCY,
            Participation.FORMER_ASSIGNED_OFFICE,
            Participation.APPROVING_BUREAU,
            Participation.RECEIVING_AGENCY);

    private final CaseRepository cases;
    private final SubjectCodec codec;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final MessageSource messages;
    private final JsonMapper json;

    CaseDirectory(
            CaseRepository cases,
            SubjectCodec codec,
            CaseAccess access,
            CurrentUser currentUser,
            AuditLog audit,
            MessageSource messages,
            JsonMapper json,
            org.tongxin.casefile.internal.SealedRecords sealed) {
        this.sealed = sealed;
        this.cases = cases;
        this.codec = codec;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
    }

    /** The case for the caller, or 404; audited as a read of the subject's record for {@code purpose}. */
    @Transactional
    public CaseView view(CaseId id, String purpose) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        CorrectionCase c = cases.find(id).orElseThrow(TongxinException::notFound);
        CaseView view = toView(c, decision);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.view")
                .target("case", id)
                .subjects(List.of(c.subjectId()))
                .purpose(purpose));
        return view;
    }

    /** Whether a reader with these participations sees only its own part of the case ({@link #OWN_PART_ONLY}). */
    public static boolean ownPartOnly(CaseAccessDecision decision) {
        return decision.visible() && decision.held().stream().allMatch(OWN_PART_ONLY::contains);
    }

    /** The caller's lawful roles in a case (404 when none): for pages deciding which actions to offer. */
    @Transactional(readOnly = true)
    public CaseAccessDecision access(CaseId id) {
        return access.require(sealed.parties(id));
    }

    /**
     * The caller's lawful roles in a case, empty when none (never throws: for callers deciding inside their own
     * transaction whether to show something, where a refused nested call would doom the whole transaction).
     */
    @Transactional(readOnly = true)
    public CaseAccessDecision decision(CaseId id) {
        return decisionFor(id);
    }

    /** Cases where the caller's agency has a lawful role, filtered; names and numbers of minors masked; audited. */
    @Transactional
    public PageResult<CaseSummary> search(CaseSearch search, PageQuery page, String purpose) {
        AgencyId agency = currentUser.get().agency();
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        List<byte[]> idHashes = null;
        if (search.idNumber() != null && !search.idNumber().isBlank()) {
            idHashes = codec.idHashes(search.idNumber());
        }
        PageResult<CorrectionCase> all = cases.search(
                agency,
                MINORS_TEAM,
                search.name(),
                idHashes,
                search.caseNumber(),
                search.status(),
                search.officeId(),
                page);
        // A sealed case is found only by the person holding a live lawful-query grant (CPL art. 286).
        List<CorrectionCase> readable =
                all.items().stream().filter(c -> sealed.readable(c.id())).toList();
        PageResult<CorrectionCase> found = new PageResult<>(
                readable, all.page(), all.size(), all.total() - (all.items().size() - readable.size()));
        List<CaseId> ids = found.items().stream().map(CorrectionCase::id).toList();
        Map<CaseId, CaseRepository.CaseSubject> subjects = cases.caseSubjects(ids);
        Map<CaseId, List<LawfulRole>> parties = cases.parties(ids);
        PageResult<CaseSummary> result = found.map(
                c -> summary(c, subjects.get(c.id()), access.decide(parties.getOrDefault(c.id(), List.of()))));
        if (!result.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.search")
                    .purpose(purpose)
                    .subjects(
                            result.items().stream().map(CaseSummary::subjectId).toList()));
        }
        return result;
    }

    /**
     * Which of the given cases the caller may open (a lawful role of their agency; none for administrators): for screens
     * that must count, not list, the lines of other cases (doc/security-requirements.md S7). Reads no personal data.
     */
    @Transactional(readOnly = true)
    public java.util.Set<CaseId> openable(java.util.Collection<CaseId> ids) {
        var me = currentUser.find().orElse(null);
        if (me == null || !me.worksCases() || me.agencyId() == null || ids.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<CaseId> result = new java.util.HashSet<>();
        cases.withParty(me.agency(), ids.stream().map(CaseId::value).collect(java.util.stream.Collectors.toSet()))
                .forEach(id -> result.add(CaseId.of(id)));
        result.removeIf(id -> !sealed.readable(id));
        return result;
    }

    /**
     * Summaries of given cases the caller may see (inbox lines); cases they may not see are left out. The same five
     * queries (parties, cases, and the subjects as each case states them) and one audit record, however many cases.
     */
    @Transactional
    public Map<CaseId, CaseSummary> summaries(java.util.Collection<CaseId> ids, String purpose) {
        Map<CaseId, List<LawfulRole>> parties = cases.parties(ids);
        Map<CaseId, CaseAccessDecision> visible = new java.util.LinkedHashMap<>();
        for (CaseId id : ids) {
            CaseAccessDecision decision = access.decide(parties.getOrDefault(id, List.of()));
            if (decision.visible()) {
                visible.put(id, decision);
            }
        }
        Map<CaseId, CorrectionCase> found = cases.findAll(visible.keySet());
        Map<CaseId, CaseRepository.CaseSubject> subjects = cases.caseSubjects(found.keySet());
        Map<CaseId, CaseSummary> result = new java.util.LinkedHashMap<>();
        visible.forEach((id, decision) -> {
            CorrectionCase c = found.get(id);
            if (c != null && subjects.containsKey(id)) {
                result.put(id, summary(c, subjects.get(id), decision));
            }
        });
        if (!result.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.list")
                    .purpose(purpose)
                    .subjects(
                            result.values().stream().map(CaseSummary::subjectId).toList()));
        }
        return result;
    }

    /**
     * The timeline as far as the caller's participations may see it, newest first: the entries addressed to one of
     * them, and for a party that sees only its own part ({@link #OWN_PART_ONLY}) also the entries its agency made.
     */
    @Transactional(readOnly = true)
    public List<TimelineItem> timeline(CaseId id) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        java.util.Locale locale = LocaleContextHolder.getLocale();
        UUID mine = decision.holdsAny(OWN_PART_ONLY) ? currentUser.get().agencyId() : null;
        return cases.timeline(id).stream()
                .filter(row -> row.audience().stream().anyMatch(a -> decision.holds(Participation.valueOf(a)))
                        || (mine != null && mine.equals(row.actorAgencyId())))
                .map(row -> {
                    Map<String, String> args = args(row.args());
                    String text = messages.getMessage(
                            "timeline." + row.kind(), args.values().toArray(), row.kind(), locale);
                    return new TimelineItem(
                            row.id(),
                            row.occurredAt(),
                            row.kind(),
                            text,
                            row.actorName(),
                            row.actorAgencyId() == null ? null : AgencyId.of(row.actorAgencyId()),
                            args);
                })
                .toList();
    }

    /** The correction team; a minor's team only for the minor's own team (CCL art. 54), others get none. */
    @Transactional(readOnly = true)
    public List<CaseData.TeamMember> team(CaseId id) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        if (minorsOwnTeamOnly(id, decision)) {
            return List.of();
        }
        return cases.team(id);
    }

    /** The latest correction plan, for the parties with the protected fields; a minor's for the minor's own team only. */
    @Transactional(readOnly = true)
    public Optional<String> latestPlan(CaseId id) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        if (!decision.holdsAny(PROTECTED_FIELDS) || minorsOwnTeamOnly(id, decision)) {
            return Optional.empty();
        }
        return cases.latestPlan(id).map(bytes -> codec.decrypt(bytes, "casefile_plan.content"));
    }

    @Transactional(readOnly = true)
    public Optional<CaseData.Announcement> announcement(CaseId id) {
        access.require(sealed.parties(id));
        return cases.announcement(id);
    }

    // For the system (procedure, obligations): facts without personal data, no access check.

    @Transactional(readOnly = true)
    public Optional<CaseFacts> facts(CaseId id) {
        return cases.find(id).map(c -> facts(c));
    }

    /** Cases in correction whose term ends on or before {@code by}: for the termination's clocks (system, no person data). */
    @Transactional(readOnly = true)
    public List<CaseId> inCorrectionEndingBy(java.time.LocalDate by) {
        return cases.inCorrectionEndingBy(by);
    }

    /** The id of the case's subject, for audit records of reads that concern them (not personal data itself). */
    @Transactional(readOnly = true)
    public Optional<UUID> subjectId(CaseId id) {
        return cases.find(id).map(CorrectionCase::subjectId);
    }

    @Transactional(readOnly = true)
    public List<LawfulRole> parties(CaseId id) {
        return cases.parties(id);
    }

    /** The subject's data for a document the system generates for the case's own parties (never for a page). */
    @Transactional(readOnly = true)
    public Optional<SubjectView> subjectForDocuments(CaseId id) {
        return cases.caseSubject(id).map(s -> codec.view(s, true, false));
    }

    /**
     * The subject's record, decrypted, for a referral's need-to-know view (doc/security-requirements.md S8): only for a caller whose
     * agency is the executing agency, the assigned office or an assisting department in the case (404 without a lawful
     * role, 403 with another one). The caller shows only the fields its task needs; the read is audited here as a read
     * of the subject's record for {@code purpose}.
     */
    @Transactional
    public SubjectView subjectForAssistance(CaseId id, String purpose) {
        CaseAccessDecision decision = access.require(sealed.parties(id));
        if (!decision.holdsAny(
                EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE, Participation.ASSISTING))) {
            throw TongxinException.forbidden("NOT_REFERRAL_PARTY");
        }
        CorrectionCase c = cases.find(id).orElseThrow(TongxinException::notFound);
        SubjectView subject =
                cases.caseSubject(id).map(s -> codec.view(s, true, false)).orElseThrow(TongxinException::notFound);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "case.subject.assistance")
                .target("case", id)
                .subjects(List.of(c.subjectId()))
                .purpose(purpose));
        return subject;
    }

    /** Offence details for a document of the case's own parties. */
    @Transactional(readOnly = true)
    public Optional<String> offenceDetailsForDocuments(CaseId id) {
        return cases.find(id).map(c -> codec.decrypt(c.offenceDetails(), "casefile_case.offence_details"));
    }

    /**
     * The case's charges (罪名) by name, in the order entered; empty when the case was opened before charges were
     * recorded (pages show "未录入" / "Not recorded", see {@link Charges#display}). Row-level security decides who reads them.
     */
    @Transactional(readOnly = true)
    public java.util.List<String> charges(CaseId id) {
        return cases.find(id)
                .map(org.tongxin.casefile.internal.CorrectionCase::charges)
                .orElse(java.util.List.of());
    }

    /** The case's current version (for a command the system completes on the caller's behalf). */
    @Transactional(readOnly = true)
    public int version(CaseId id) {
        return cases.find(id).map(CorrectionCase::version).orElseThrow(TongxinException::notFound);
    }

    /** The correction team, for a document the system generates for the case's own parties. */
    @Transactional(readOnly = true)
    public List<CaseData.TeamMember> teamForDocuments(CaseId id) {
        return cases.team(id);
    }

    /** The entry announcement as held, for the document read out at it. */
    @Transactional(readOnly = true)
    public Optional<CaseData.Announcement> announcementForDocuments(CaseId id) {
        return cases.announcement(id);
    }

    private CaseAccessDecision decisionFor(CaseId id) {
        return access.decide(sealed.parties(id));
    }

    private CaseView toView(CorrectionCase c, CaseAccessDecision decision) {
        CaseRepository.CaseSubject subject = cases.caseSubject(c.id()).orElseThrow(TongxinException::notFound);
        boolean protectedVisible = decision.holdsAny(PROTECTED_FIELDS);
        boolean masked = minor(c) && !decision.holdsAny(MINORS_TEAM);
        SubjectView subjectView = codec.view(subject, protectedVisible, masked);
        CaseFacts f = facts(c);
        return new CaseView(
                c.id(),
                c.version(),
                f.status(),
                f.correctionType(),
                f.caseNumber(),
                f.decisionOrganId(),
                c.judgmentDate(),
                f.effectiveDate(),
                c.offenceCategory(),
                protectedVisible && !masked ? codec.decrypt(c.offenceDetails(), "casefile_case.offence_details") : null,
                c.offenceDate(),
                f.minorAtOffence(),
                c.termStart(),
                c.termEnd(),
                f.inCustody(),
                f.expedited(),
                f.countyAgencyId(),
                f.officeId(),
                f.procuratorateId(),
                f.policeId(),
                f.handoverInstitutionId(),
                f.policyRegion(),
                f.documentsState(),
                f.arrivalState(),
                f.arrivedAt(),
                f.registeredAt(),
                f.teamFormedAt(),
                f.planMadeAt(),
                f.announcedAt(),
                c.createdAt(),
                c.updatedAt(),
                subjectView,
                decision,
                protectedVisible && !masked,
                f.supervisionLevel(),
                f.custodyKind(),
                f.detainingOrganId(),
                f.detainedAt(),
                f.revocationKind(),
                f.terminationReason(),
                f.endedOn(),
                f.sealed(),
                c.charges(),
                f.sentenceMonths());
    }

    private CaseSummary summary(CorrectionCase c, CaseRepository.CaseSubject subject, CaseAccessDecision decision) {
        boolean masked = minor(c) && !decision.holdsAny(MINORS_TEAM);
        CaseFacts f = c.facts(subject.gender());
        return new CaseSummary(
                c.id(),
                c.subjectId(),
                masked ? SubjectCodec.maskName(subject.name()) : subject.name(),
                masked,
                f.status(),
                f.correctionType(),
                f.caseNumber(),
                f.countyAgencyId(),
                f.officeId(),
                f.decisionOrganId(),
                f.effectiveDate(),
                f.documentsState(),
                f.arrivalState(),
                c.updatedAt());
    }

    private CaseFacts facts(CorrectionCase c) {
        return c.facts(cases.caseSubject(c.id())
                .map(CaseRepository.CaseSubject::gender)
                .orElse(null));
    }

    private Map<String, String> args(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> map = json.readValue(text, TreeMap.class);
            return map;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** A minor's case read by a party outside the minor's team (CCL art. 54: the team and plan stay with the team). */
    private boolean minorsOwnTeamOnly(CaseId id, CaseAccessDecision decision) {
        return !decision.holdsAny(MINORS_TEAM)
                && cases.find(id).map(CaseDirectory::minor).orElse(false);
    }

    private static boolean minor(CorrectionCase c) {
        return c.minorAtOffence();
    }
}
