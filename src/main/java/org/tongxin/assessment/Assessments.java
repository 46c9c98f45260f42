package org.tongxin.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.assessment.AssessmentViews.CaseAssessment;
import org.tongxin.assessment.AssessmentViews.DecisionView;
import org.tongxin.assessment.AssessmentViews.FactKind;
import org.tongxin.assessment.AssessmentViews.NewDecision;
import org.tongxin.assessment.AssessmentViews.NewProposal;
import org.tongxin.assessment.AssessmentViews.ProposalView;
import org.tongxin.assessment.internal.AssessmentDocuments;
import org.tongxin.assessment.internal.AssessmentRepository;
import org.tongxin.assessment.internal.AssessmentRepository.FactRow;
import org.tongxin.assessment.internal.Proposal;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.casefile.RevocationKind;
import org.tongxin.casefile.TimelineEntry;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationEvents.ObligationOverdue;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.policy.PolicyModels;
import org.tongxin.policy.ResolvedPolicy;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.shared.time.LegalTime;

/**
 * Commands and queries of rewards, sanctions and proposals (ADR 0021, 0035). The executing county agency decides
 * commendations, reprimands and warnings and submits proposals, each checked by the {@link ResponseRules} engine under
 * the thresholds of the policy in force; a proposal travels as a handover and opens the receiver's statutory clock. The
 * court (or decision organ, or police for a penalty) it was addressed to decides the arrest and rules; the police of the
 * case execute an arrest and deliver a revoked subject to prison. The case moves through {@link CaseManagement} in the
 * same transaction. No lawful role in the case: 404; a lawful role without the right: 403.
 */
@Component
public class Assessments {

    static final int MAX_TEXT = 2000;
    static final String RULE_REVOCATION = "revoke.rule";
    static final String RULE_CUSTODY = "jwzx.recall.decide";
    static final String RULE_COMMUTATION = "commutation.rule";
    static final String ARREST_DECIDE = "revoke.arrest.decide";
    static final String CUSTODY_LIMIT = "revoke.custody_limit";
    static final String COMMIT_REVOCATION = "revoke.commit";
    static final String COMMIT_CUSTODY = "jwzx.recall.execute";
    static final Set<Role> COUNTY = Role.COUNTY;
    static final Set<Role> COURT = EnumSet.of(Role.JUDGE, Role.COURT_CLERK);
    static final Set<Role> POLICE = EnumSet.of(Role.POLICE_OFFICER);

    private final AssessmentRepository repository;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final PolicyModels policies;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final Handovers handovers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AssessmentDocuments documents;
    private final Clock clock;

    Assessments(
            AssessmentRepository repository,
            CaseDirectory cases,
            CaseManagement caseManagement,
            CaseAccess access,
            CurrentUser currentUser,
            AgencyDirectory agencies,
            PolicyModels policies,
            CaseSteps steps,
            ObligationLedger ledger,
            Handovers handovers,
            AuditLog audit,
            ApplicationEventPublisher events,
            AssessmentDocuments documents,
            Clock clock) {
        this.documents = documents;
        this.repository = repository;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.access = access;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.policies = policies;
        this.steps = steps;
        this.ledger = ledger;
        this.handovers = handovers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The case's assessment for a reader who takes part in the case: what the engine allows, decisions, proposals. */
    @Transactional(readOnly = true)
    public CaseAssessment view(CaseId caseId) {
        visible(caseId);
        CaseFacts c = facts(caseId);
        ResolvedPolicy policy = policy(c);
        ResponseRules.Facts f = engineFacts(c, null);
        ResponseRules.Thresholds t = ResponseRules.Thresholds.of(policy.settings());
        return new CaseAssessment(
                caseId, f, t, ResponseRules.options(f, t), repository.decisions(caseId), repository.proposals(caseId));
    }

    /** The proposal for a reader who takes part in its case. */
    @Transactional(readOnly = true)
    public ProposalView proposal(ProposalId id) {
        ProposalView p = repository.proposal(id).orElseThrow(TongxinException::notFound);
        visible(p.caseId());
        return p;
    }

    /** The county agency commends, reprimands or warns (CCL art. 28), when the engine allows it on these reasons. */
    @Transactional
    public DecisionId decide(CaseId caseId, NewDecision request) {
        CaseAccessDecision decision = visible(caseId);
        access.requireAction(decision, EnumSet.of(Participation.EXECUTING_AGENCY), COUNTY, "NOT_SANCTIONING_AGENCY");
        if (request == null || request.kind() == null) {
            throw TongxinException.invalid("kind", "required");
        }
        if (!ResponseKind.DECISIONS.contains(request.kind())) {
            throw TongxinException.invalid("kind", "notADecision");
        }
        FieldProblems problems = new FieldProblems();
        String facts = text(request.facts(), "facts", true, problems);
        String evidence = text(request.evidence(), "evidence", false, problems);
        Integer days = days(request.outOfContactDays(), problems);
        problems.throwIfAny();
        CaseFacts c = facts(caseId);
        requireSupervised(c);
        ResolvedPolicy policy = policy(c);
        Set<ReasonCode> reasons = reasons(request.reasons());
        ResponseRules.check(
                request.kind(), reasons, engineFacts(c, days), ResponseRules.Thresholds.of(policy.settings()));
        TongxinPrincipal me = currentUser.get();
        DecisionId id = DecisionId.random();
        Instant now = clock.instant();
        repository.insertDecision(
                id,
                caseId,
                request.kind(),
                List.copyOf(reasons),
                days,
                facts,
                evidence,
                now,
                me.userId(),
                me.displayName(),
                me.agency(),
                policy.version().versionId());
        if (request.kind() == ResponseKind.WARNING) {
            documents.warningDecision(c, id.value(), me.agency(), reasons, facts, evidence, LegalTime.dateOf(now));
        }
        events.publishEvent(new AssessmentEvents.ResponseDecided(
                UUID.randomUUID(), id, caseId, request.kind(), codes(reasons), now, currentUser.ref()));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "assessment.decided")
                .target("case", caseId)
                .detail("kind", request.kind())
                .detail("decision", id));
        return id;
    }

    /**
     * The county agency proposes to another organ (revocation, optionally with an arrest request; custody; a police
     * penalty), when the engine allows it; the proposal is delivered by handover and the receiver's clock opens.
     */
    @Transactional
    public ProposalId propose(CaseId caseId, NewProposal request) {
        CaseAccessDecision decision = visible(caseId);
        access.requireAction(decision, EnumSet.of(Participation.EXECUTING_AGENCY), COUNTY, "NOT_SANCTIONING_AGENCY");
        if (request == null || request.kind() == null) {
            throw TongxinException.invalid("kind", "required");
        }
        if (!request.kind().proposal()) {
            throw TongxinException.invalid("kind", "notAProposal");
        }
        FieldProblems problems = new FieldProblems();
        String facts = text(request.facts(), "facts", true, problems);
        String evidence = text(request.evidence(), "evidence", true, problems);
        String arrestReason = text(request.arrestReason(), "arrestReason", request.withArrest(), problems);
        Integer days = days(request.outOfContactDays(), problems);
        problems.throwIfAny();
        CaseFacts c = facts(caseId);
        requireSupervised(c);
        ResolvedPolicy policy = policy(c);
        Set<ReasonCode> reasons = reasons(request.reasons());
        ResponseRules.check(
                request.kind(), reasons, engineFacts(c, days), ResponseRules.Thresholds.of(policy.settings()));
        if (repository.proposals(caseId).stream()
                .anyMatch(p -> p.kind() == request.kind() && p.status() == ProposalStatus.SUBMITTED)) {
            throw TongxinException.conflict("PROPOSAL_PENDING");
        }
        AgencyId receiver = receiver(c, request.kind());
        if (receiver == null) {
            throw TongxinException.rule("NO_RECEIVER");
        }
        TongxinPrincipal me = currentUser.get();
        Instant now = clock.instant();
        ProposalId id = ProposalId.random();
        Proposal proposal = Proposal.submit(
                id, caseId, request.kind(), receiver, request.withArrest(), codes(reasons), now, currentUser.ref());
        List<AgencyId> copies = copies(c, request.kind());
        if (request.kind() == ResponseKind.COMMUTATION) {
            caseManagement.grant(caseId, receiver, Participation.RULING_ORGAN);
            copies.stream()
                    .filter(p -> !p.equals(c.procuratorateId()))
                    .forEach(p -> caseManagement.grant(caseId, p, Participation.COPIED_PROCURATORATE));
        }
        String contact = me.displayName() == null ? me.username() : me.displayName();
        UUID letter = switch (request.kind()) {
            case POLICE_PENALTY, COMMUTATION ->
                documents
                        .letter(
                                c,
                                id.value(),
                                request.kind(),
                                me.agency(),
                                receiver,
                                reasons,
                                facts,
                                evidence,
                                copies,
                                contact,
                                LegalTime.dateOf(now))
                        .value();
            default ->
                documents
                        .proposal(
                                c,
                                id.value(),
                                request.kind(),
                                me.agency(),
                                receiver,
                                reasons,
                                facts,
                                evidence,
                                arrestReason,
                                contact,
                                LegalTime.dateOf(now))
                        .value();
        };
        HandoverId handover = deliver(c, proposal, me.agency(), evidence, letter, copies);
        repository.insertProposal(
                proposal,
                List.copyOf(reasons),
                days,
                facts,
                evidence,
                arrestReason,
                me.agency(),
                handover.value(),
                now,
                me.userId(),
                me.displayName(),
                policy.version().versionId());
        proposal.pullEvents().forEach(events::publishEvent);
        String rule = ruleStep(request.kind());
        if (rule != null) {
            steps.open(c, rule, id.toString(), now, receiver, me.agency());
        }
        if (request.withArrest()) {
            steps.open(c, ARREST_DECIDE, id.toString(), now, receiver, me.agency());
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "assessment.proposed")
                .target("case", caseId)
                .detail("kind", request.kind())
                .detail("proposal", id)
                .detail("arrest", request.withArrest()));
        return id;
    }

    /** The court the proposal was addressed to decides on the arrest request (CCL art. 47, 48 hours). */
    @Transactional
    public void decideArrest(ProposalId id, int version, boolean approve) {
        Proposal p = loadForReceiver(id, version);
        Instant now = clock.instant();
        p.decideArrest(approve, now, currentUser.ref());
        repository.update(p, now, now, null);
        ledger.fulfil(p.caseId(), ARREST_DECIDE, id.toString(), now, currentUser.ref());
        answerHandover(id);
        publish(p);
    }

    /** The police of the case executed the arrest the court decided: the case is IN_CUSTODY for at most 30 days. */
    @Transactional
    public void executeArrest(ProposalId id, int version, Instant arrestedAt) {
        Proposal p = load(id, version);
        requirePolice(p.caseId());
        if (arrestedAt == null) {
            throw TongxinException.invalid("arrestedAt", "required");
        }
        Instant now = clock.instant();
        p.executeArrest(arrestedAt, now, currentUser.ref());
        repository.update(p, now, null, null);
        caseManagement.detain(p.caseId(), CustodyKind.ARREST_PENDING_REVOCATION, p.receiver(), arrestedAt);
        steps.open(facts(p.caseId()), CUSTODY_LIMIT, id.toString(), arrestedAt, p.receiver(), null);
        publish(p);
    }

    /**
     * The receiver rules (court: revocation; decision organ: custody; police: penalty). Granted revocation or custody
     * revokes the case and opens the police's delivery to prison; a refusal releases an arrested subject at once.
     */
    @Transactional
    public void rule(ProposalId id, int version, boolean granted, LocalDate ruledOn, String note) {
        rule(id, version, granted, ruledOn, note, null);
    }

    /**
     * The receiver rules; on a sentence reduction granted, {@code termEnd} is the term's new last day (CCL art. 33), which
     * moves the case's end (and with it the expiry steps) through {@link CaseManagement#changeTermEnd}.
     */
    @Transactional
    public void rule(ProposalId id, int version, boolean granted, LocalDate ruledOn, String note, LocalDate termEnd) {
        Proposal p = loadForReceiver(id, version);
        if (granted && p.kind() == ResponseKind.COMMUTATION) {
            p.reduceTermTo(termEnd, facts(p.caseId()).termEnd());
        }
        FieldProblems problems = new FieldProblems();
        if (ruledOn == null) {
            problems.add("ruledOn", "required");
        } else if (ruledOn.isAfter(LegalTime.today(clock))) {
            problems.add("ruledOn", "past");
        }
        String text = text(note, "note", false, problems);
        problems.throwIfAny();
        Instant now = clock.instant();
        boolean release = p.rule(granted, ruledOn, now, currentUser.ref());
        repository.update(p, now, null, text);
        String rule = ruleStep(p.kind());
        if (rule != null) {
            ledger.fulfil(p.caseId(), rule, id.toString(), now, currentUser.ref());
        }
        ledger.fulfil(p.caseId(), CUSTODY_LIMIT, id.toString(), now, currentUser.ref());
        if (release) {
            caseManagement.release(p.caseId(), now);
        }
        if (granted && p.kind() == ResponseKind.COMMUTATION) {
            caseManagement.changeTermEnd(p.caseId(), p.newTermEnd(), p.receiver());
        } else if (granted && p.kind() != ResponseKind.POLICE_PENALTY) {
            CaseFacts c = facts(p.caseId());
            caseManagement.revoke(p.caseId(), RevocationKind.of(c.correctionType()), p.receiver(), ruledOn);
            steps.open(facts(p.caseId()), commitStep(p.kind()), id.toString(), now, c.policeId(), null);
        }
        answerHandover(id);
        publish(p);
    }

    /** The police delivered the revoked subject to a prison or detention centre (CCL art. 48; 49 for 收监执行). */
    @Transactional
    public void commit(ProposalId id, int version, AgencyId institution, Instant deliveredAt) {
        Proposal p = load(id, version);
        requirePolice(p.caseId());
        FieldProblems problems = new FieldProblems();
        AgencyView place =
                institution == null ? null : agencies.find(institution).orElse(null);
        if (place == null) {
            problems.add("institutionId", "required");
        } else if (!place.active()
                || (place.type() != AgencyType.PRISON && place.type() != AgencyType.DETENTION_CENTRE)) {
            problems.add("institutionId", "notAnInstitution");
        }
        Instant now = clock.instant();
        if (deliveredAt == null) {
            problems.add("deliveredAt", "required");
        } else if (deliveredAt.isAfter(now)) {
            problems.add("deliveredAt", "past");
        }
        problems.throwIfAny();
        p.commit(place.id(), deliveredAt, now, currentUser.ref());
        repository.update(p, now, null, null);
        ledger.fulfil(p.caseId(), commitStep(p.kind()), id.toString(), now, currentUser.ref());
        caseManagement.grant(p.caseId(), place.id(), Participation.CUSTODIAL_INSTITUTION);
        publish(p);
    }

    /**
     * A fact another module reported about a case (by event): recorded once per event, counted by the engine. The
     * supervision module's events arrive through {@link SupervisionFacts}.
     */
    @Transactional
    public boolean recordFact(CaseId caseId, FactKind kind, LocalDate on, UUID sourceEventId) {
        return repository.insertFact(caseId, kind, on, sourceEventId, clock.instant());
    }

    /** The 30 days of custody ran out before the ruling (CCL art. 47): the arrested subject is released. */
    @ApplicationModuleListener
    void on(ObligationOverdue event) {
        if (!CUSTODY_LIMIT.equals(event.stepId())) {
            return;
        }
        ledger.find(event.obligationId()).ifPresent(o -> {
            Proposal p = repository
                    .load(ProposalId.of(UUID.fromString(o.instance())))
                    .orElse(null);
            if (p == null || p.status() != ProposalStatus.SUBMITTED || p.arrest() != ArrestStatus.EXECUTED) {
                return;
            }
            Instant now = clock.instant();
            p.releaseAtCustodyLimit(now, ActorRef.SYSTEM);
            repository.update(p, now, null, null);
            if (facts(p.caseId()).status() == CaseStatus.IN_CUSTODY) {
                caseManagement.release(p.caseId(), now);
            }
            publish(p);
        });
    }

    // ---

    /**
     * Who rules on a proposal: the police of the case on a penalty; the intermediate court of the place on a sentence
     * reduction (CCL art. 33); the decision organ on revocation and custody.
     */
    private AgencyId receiver(CaseFacts c, ResponseKind kind) {
        return switch (kind) {
            case POLICE_PENALTY -> c.policeId();
            case COMMUTATION ->
                agencies.find(c.countyAgencyId())
                        .map(county -> agencies.serving(
                                AgencyType.INTERMEDIATE_COURT, AgencyLevel.CITY, county.divisionCode()))
                        .flatMap(l -> l.stream().findFirst())
                        .map(AgencyView::id)
                        .orElse(null);
            default -> c.decisionOrganId();
        };
    }

    /**
     * Who gets a copy: the procuratorate of the case (and the police of the case on revocation and custody); on a sentence
     * reduction the procuratorate of the court's level (CCL art. 33), or the case's own where the place has none.
     */
    private List<AgencyId> copies(CaseFacts c, ResponseKind kind) {
        List<AgencyId> copies = new java.util.ArrayList<>();
        if (kind == ResponseKind.COMMUTATION) {
            agencies.find(c.countyAgencyId())
                    .map(county -> agencies.serving(AgencyType.PROCURATORATE, AgencyLevel.CITY, county.divisionCode()))
                    .flatMap(l -> l.stream().findFirst())
                    .map(AgencyView::id)
                    .or(() -> java.util.Optional.ofNullable(c.procuratorateId()))
                    .ifPresent(copies::add);
            return copies;
        }
        if (c.procuratorateId() != null) {
            copies.add(c.procuratorateId());
        }
        if (kind != ResponseKind.POLICE_PENALTY && c.policeId() != null) {
            copies.add(c.policeId());
        }
        return copies;
    }

    private HandoverId deliver(
            CaseFacts c, Proposal p, AgencyId sender, String evidence, UUID letter, List<AgencyId> copyTo) {
        HandoverKind kind = switch (p.kind()) {
            case REVOCATION -> HandoverKind.REVOCATION_PROPOSAL;
            case CUSTODY -> HandoverKind.CUSTODY_PROPOSAL;
            case COMMUTATION -> HandoverKind.COMMUTATION_PROPOSAL;
            default -> HandoverKind.POLICE_PENALTY_PROPOSAL;
        };
        List<NewItem> items = new java.util.ArrayList<>();
        items.add(new NewItem(ItemCode.SANCTION_PROPOSAL, kind.nameZh() + "书", letter));
        long lines = evidence.lines().filter(l -> !l.isBlank()).count();
        items.add(new NewItem(ItemCode.EVIDENCE, "证据材料（" + lines + " 件）", null));
        if (p.arrest() == ArrestStatus.REQUESTED) {
            items.add(new NewItem(ItemCode.ARREST_REQUEST, "提请逮捕意见", null));
        }
        Set<AgencyId> copies = new LinkedHashSet<>(copyTo);
        HandoverId id = handovers.prepare(new NewHandover(
                c.id(),
                kind,
                p.kind().stepId(),
                sender,
                p.receiver(),
                List.copyOf(copies),
                TimelineEntry.CASE_PARTIES,
                items,
                null));
        handovers.deliver(id, handovers.view(id).version());
        return id;
    }

    /** The receiver's decision answers the handover that carried the proposal (its receipt). */
    private void answerHandover(ProposalId id) {
        ProposalView view = repository.proposal(id).orElseThrow();
        if (view.handoverId() == null) {
            return;
        }
        HandoverView h = handovers.view(HandoverId.of(view.handoverId()));
        if (h.status() == HandoverStatus.DELIVERED) {
            handovers.receipt(h.id(), h.version(), null);
        }
    }

    private Proposal loadForReceiver(ProposalId id, int version) {
        Proposal p = load(id, version);
        CaseAccessDecision decision = visible(p.caseId());
        boolean police = p.kind() == ResponseKind.POLICE_PENALTY;
        access.requireAction(
                decision,
                police
                        ? EnumSet.of(Participation.COPIED_POLICE)
                        : EnumSet.of(Participation.DECISION_ORGAN, Participation.RULING_ORGAN),
                police ? POLICE : COURT,
                "NOT_PROPOSAL_RECEIVER");
        if (!p.receiver().equals(currentUser.get().agency())) {
            throw TongxinException.forbidden("NOT_PROPOSAL_RECEIVER");
        }
        return p;
    }

    private void requirePolice(CaseId caseId) {
        access.requireAction(visible(caseId), EnumSet.of(Participation.COPIED_POLICE), POLICE, "NOT_CASE_POLICE");
    }

    private Proposal load(ProposalId id, int version) {
        Proposal p = repository.load(id).orElseThrow(TongxinException::notFound);
        visible(p.caseId());
        if (p.version() != version) {
            throw TongxinException.staleVersion();
        }
        return p;
    }

    private CaseAccessDecision visible(CaseId caseId) {
        return access.require(cases.parties(caseId));
    }

    private CaseFacts facts(CaseId caseId) {
        return cases.facts(caseId).orElseThrow(TongxinException::notFound);
    }

    private ResolvedPolicy policy(CaseFacts c) {
        return policies.inForce(c.policyRegion(), LegalTime.today(clock));
    }

    private static void requireSupervised(CaseFacts c) {
        if (c.status() != CaseStatus.UNDER_CORRECTION && c.status() != CaseStatus.IN_CUSTODY) {
            throw TongxinException.conflict("CASE_NOT_UNDER_SUPERVISION");
        }
    }

    private void publish(Proposal p) {
        p.pullEvents().forEach(events::publishEvent);
    }

    /** What the record shows: earlier reprimands, warnings, penalties imposed, and the longest time out of contact. */
    ResponseRules.Facts engineFacts(CaseFacts c, Integer verifiedDays) {
        List<DecisionView> decisions = repository.decisions(c.id());
        List<ProposalView> proposals = repository.proposals(c.id());
        int reprimands = (int) decisions.stream()
                .filter(d -> d.kind() == ResponseKind.REPRIMAND)
                .count();
        int warnings = (int)
                decisions.stream().filter(d -> d.kind() == ResponseKind.WARNING).count();
        int penalties = (int) proposals.stream()
                .filter(p -> p.kind() == ResponseKind.POLICE_PENALTY && p.status() == ProposalStatus.GRANTED)
                .count();
        List<FactRow> facts = repository.facts(c.id());
        int lost = lostDays(facts, LegalTime.today(clock));
        int days = Math.max(lost, verifiedDays == null ? 0 : verifiedDays);
        int missed = (int)
                facts.stream().filter(f -> f.kind() == FactKind.CONTACT_MISSED).count();
        int overdue = (int) facts.stream()
                .filter(f -> f.kind() == FactKind.LEAVE_RETURN_OVERDUE)
                .count();
        return new ResponseRules.Facts(c.correctionType(), reprimands, warnings, penalties, days, missed, overdue);
    }

    /** The longest spell out of contact the reported facts show (a spell still open runs to today). */
    static int lostDays(List<FactRow> facts, LocalDate today) {
        int longest = 0;
        LocalDate lostOn = null;
        for (FactRow f : facts) {
            if (f.kind() == FactKind.CONTACT_LOST && lostOn == null) {
                lostOn = f.on();
            } else if (f.kind() == FactKind.CONTACT_RESTORED && lostOn != null) {
                longest = Math.max(longest, (int) ChronoUnit.DAYS.between(lostOn, f.on()));
                lostOn = null;
            }
        }
        if (lostOn != null) {
            longest = Math.max(longest, (int) ChronoUnit.DAYS.between(lostOn, today));
        }
        return longest;
    }

    private static String ruleStep(ResponseKind kind) {
        return switch (kind) {
            case REVOCATION -> RULE_REVOCATION;
            case CUSTODY -> RULE_CUSTODY;
            case COMMUTATION -> RULE_COMMUTATION;
            default -> null;
        };
    }

    private static String commitStep(ResponseKind kind) {
        return kind == ResponseKind.CUSTODY ? COMMIT_CUSTODY : COMMIT_REVOCATION;
    }

    private static Set<ReasonCode> reasons(List<ReasonCode> reasons) {
        if (reasons == null || reasons.stream().allMatch(java.util.Objects::isNull)) {
            return Set.of();
        }
        return EnumSet.copyOf(
                reasons.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static String codes(Set<ReasonCode> reasons) {
        return String.join(",", reasons.stream().map(Enum::name).toList());
    }

    private static String text(String value, String field, boolean required, FieldProblems problems) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(field, "required");
            }
            return null;
        }
        if (v.length() > MAX_TEXT) {
            problems.add(field, "assessmentTextTooLong", MAX_TEXT);
        }
        return v;
    }

    private static Integer days(Integer days, FieldProblems problems) {
        if (days != null && (days < 0 || days > 3650)) {
            problems.add("outOfContactDays", "range", 0, 3650);
        }
        return days;
    }
}
