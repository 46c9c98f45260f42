package org.tongxin.procuratorial;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.identity.CaseAccess;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.LawfulRole;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.procedure.CaseSteps;
import org.tongxin.procuratorial.internal.Opinion;
import org.tongxin.procuratorial.internal.OpinionRepository;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.error.TongxinException;

/**
 * Procuratorial supervision in a case (CCL art. 62): the copied procuratorate's prosecutors issue a correction opinion or a
 * procuratorial suggestion to any agency that is a party of the case, about one of its steps or handovers; the addressed
 * unit replies in writing, adopted or why not, by the period the policy model sets (step procuratorate.reply, owed by the
 * addressed unit; City A 15 days). The words are kept encrypted and shown to the procuratorate and the addressed unit.
 */
@Component
public class ProcuratorialSupervision {

    static final String OPINION_STEP = "procuratorate.opinion";
    static final String REPLY_STEP = "procuratorate.reply";
    static final String CONTENT = "procuratorial_opinion.content";
    static final String REPLY = "procuratorial_opinion.reply";

    private final OpinionRepository opinions;
    private final CaseDirectory cases;
    private final CaseSteps steps;
    private final ObligationLedger ledger;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcuratorialSupervision(
            OpinionRepository opinions,
            CaseDirectory cases,
            CaseSteps steps,
            ObligationLedger ledger,
            CaseAccess access,
            CurrentUser currentUser,
            FieldCipher cipher,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.opinions = opinions;
        this.cases = cases;
        this.steps = steps;
        this.ledger = ledger;
        this.access = access;
        this.currentUser = currentUser;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What the procuratorate issues: kind, the addressed agency, the step or handover it is about (optional), the words. */
    public record NewOpinion(
            OpinionKind kind, AgencyId addressedAgencyId, String stepId, UUID handoverId, String content) {}

    /** An opinion as a party of the case sees it ({@code content} and {@code reply} for the procuratorate and addressee). */
    public record OpinionView(
            UUID id,
            CaseId caseId,
            OpinionKind kind,
            AgencyId procuratorateId,
            AgencyId addressedAgencyId,
            String stepId,
            UUID handoverId,
            Instant issuedAt,
            OpinionStatus status,
            Boolean adopted,
            Instant repliedAt,
            java.time.LocalDate replyDue,
            String content,
            String reply,
            int version) {}

    /** Issues an opinion (prosecutors of the copied procuratorate: else 403 NOT_PROCURATORATE; 404 without a lawful role). */
    @Transactional
    public UUID issue(CaseId caseId, NewOpinion request) {
        CaseAccessDecision decision = cases.access(caseId);
        access.requireAction(
                decision,
                EnumSet.of(Participation.COPIED_PROCURATORATE),
                EnumSet.of(Role.PROSECUTOR),
                "NOT_PROCURATORATE");
        if (request == null) {
            throw TongxinException.invalid("content", "required");
        }
        TongxinPrincipal me = currentUser.get();
        CaseFacts c = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        List<LawfulRole> parties = cases.parties(caseId);
        if (request.addressedAgencyId() != null
                && parties.stream().noneMatch(p -> p.agency().equals(request.addressedAgencyId()))) {
            throw TongxinException.invalid("addressedAgencyId", "notAParty");
        }
        if (request.stepId() != null
                && !request.stepId().isBlank()
                && ledger.forCase(caseId).stream().noneMatch(o -> o.stepId().equals(request.stepId()))) {
            throw TongxinException.invalid("stepId", "notAStepOfTheCase");
        }
        Instant now = clock.instant();
        Opinion o = Opinion.issue(
                caseId,
                request.kind(),
                me.agency(),
                request.addressedAgencyId(),
                request.stepId() == null || request.stepId().isBlank() ? null : request.stepId(),
                request.handoverId(),
                request.content(),
                now,
                currentUser.ref());
        opinions.insert(o, cipher.encrypt(request.content().strip(), CONTENT));
        String instance = o.id().toString();
        steps.open(c, OPINION_STEP, instance, now, me.agency(), o.addressedAgencyId());
        ledger.fulfil(caseId, OPINION_STEP, instance, now, currentUser.ref());
        steps.open(c, REPLY_STEP, instance, now, o.addressedAgencyId(), me.agency());
        o.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "procuratorial.issued")
                .target("case", caseId)
                .detail("opinion", o.id())
                .detail("kind", o.kind()));
        return o.id();
    }

    /** The addressed unit replies in writing (another agency: 403 NOT_ADDRESSED_UNIT; stale version: 409). */
    @Transactional
    public void reply(CaseId caseId, UUID opinionId, int version, Boolean adopted, String reasons) {
        cases.access(caseId);
        TongxinPrincipal me = currentUser.get();
        OpinionRepository.Stored stored = opinions.find(opinionId)
                .filter(s -> s.opinion().caseId().equals(caseId))
                .orElseThrow(TongxinException::notFound);
        Opinion o = stored.opinion();
        if (!o.addressedAgencyId().equals(me.agency())) {
            throw TongxinException.forbidden("NOT_ADDRESSED_UNIT");
        }
        if (o.version() != version) {
            throw TongxinException.staleVersion();
        }
        Instant now = clock.instant();
        String instance = o.id().toString();
        boolean onTime = ledger.find(caseId, REPLY_STEP, instance)
                .map(ObligationView::dueAt)
                .map(due -> !now.isAfter(due))
                .orElse(true);
        o.reply(adopted, reasons, onTime, now, currentUser.ref());
        String words = reasons == null || reasons.isBlank() ? null : reasons.strip();
        if (!opinions.saveReply(o, version, words == null ? null : cipher.encrypt(words, REPLY), me.userId())) {
            throw TongxinException.staleVersion();
        }
        ledger.fulfil(caseId, REPLY_STEP, instance, now, currentUser.ref());
        o.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "procuratorial.replied")
                .target("case", caseId)
                .detail("opinion", o.id())
                .detail("adopted", adopted));
    }

    /** The opinions of a case for its parties (404 without a lawful role), newest first. */
    @Transactional(readOnly = true)
    public List<OpinionView> ofCase(CaseId caseId) {
        cases.access(caseId);
        AgencyId mine = currentUser.get().agency();
        return opinions.ofCase(caseId).stream()
                .map(s -> {
                    Opinion o = s.opinion();
                    boolean words = mine.equals(o.procuratorateId()) || mine.equals(o.addressedAgencyId());
                    java.time.LocalDate due = ledger.find(caseId, REPLY_STEP, o.id().toString())
                            .map(ObligationView::dueDate)
                            .orElse(null);
                    return new OpinionView(
                            o.id(),
                            o.caseId(),
                            o.kind(),
                            o.procuratorateId(),
                            o.addressedAgencyId(),
                            o.stepId(),
                            o.handoverId(),
                            o.issuedAt(),
                            o.status(),
                            o.adopted(),
                            o.repliedAt(),
                            due,
                            words ? cipher.decrypt(s.content(), CONTENT) : null,
                            words && s.reply() != null ? cipher.decrypt(s.reply(), REPLY) : null,
                            o.version());
                })
                .toList();
    }
}
