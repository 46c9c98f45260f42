package org.tongxin.assistance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.assistance.AssistanceEvents.ReferralMade;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.ReferralViews.Note;
import org.tongxin.assistance.ReferralViews.ReferralSummary;
import org.tongxin.assistance.ReferralViews.ReferralView;
import org.tongxin.assistance.internal.Referral;
import org.tongxin.assistance.internal.ReferralLetters;
import org.tongxin.assistance.internal.ReferralRepository;
import org.tongxin.assistance.internal.ReferralRepository.Row;
import org.tongxin.assistance.internal.SharedSubject;
import org.tongxin.assistance.internal.WaitingList;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseDocumentAccess;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.document.DocumentId;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Assistance referrals (CCL ch. 5): the county agency or the judicial office of a case refers its subject to a
 * department or social organisation of the service's provider type serving the case's district; that agency accepts
 * (a place, or the waiting list when its declared places are taken) or declines with a reason, records the first
 * contact, progress notes and the outcome; the referring agency may withdraw before an answer. One method per
 * transition, each checking the version read (409 when stale). Only the two agencies of a referral (and the case's
 * executing agency and assigned office) read it; anyone else finds nothing (404). The receiving agency sees only the
 * subject's fields its service needs ({@link SharedField}). The deadlines are the ledger's (AssistanceProcedure).
 */
@Component
public class Referrals {

    public static final int REASON_MIN = 10;
    public static final int TEXT_MAX = 1000;
    public static final int REASON_MAX = 500;
    static final Set<Role> OFFICERS =
            EnumSet.of(Role.COUNTY_OFFICER, Role.COUNTY_HEAD, Role.OFFICE_OFFICER, Role.OFFICE_HEAD);
    static final Set<Role> CASEWORKERS = EnumSet.of(Role.ASSISTANCE_CASEWORKER, Role.SOCIAL_WORKER);
    static final Set<Participation> REFERRING =
            EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);
    static final String NOTE = "assistance_referral.note";
    static final String OUTCOME = ReferralRepository.OUTCOME_NOTE;
    static final String NOTE_TEXT = "assistance_note.text";

    private final ReferralRepository referrals;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final AgencyDirectory agencies;
    private final CaseDocumentAccess documentAccess;
    private final ReferralLetters letters;
    private final WaitingList waitingList;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(
            ReferralRepository referrals,
            CaseDirectory cases,
            CaseManagement caseManagement,
            AgencyDirectory agencies,
            CaseDocumentAccess documentAccess,
            ReferralLetters letters,
            WaitingList waitingList,
            ObligationLedger ledger,
            CurrentUser currentUser,
            FieldCipher cipher,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.agencies = agencies;
        this.documentAccess = documentAccess;
        this.letters = letters;
        this.waitingList = waitingList;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // Commands of the referring agency

    /**
     * Refers the case's subject (DELIVERED): the referral letter is generated, the receiving agency gains the lawful role
     * ASSISTING in the case, and its answer is due by the policy (AssistanceProcedure).
     */
    @Transactional
    public ReferralId refer(CaseId caseId, NewReferral request) {
        CaseAccessDecision decision = cases.access(caseId);
        TongxinPrincipal me = currentUser.get();
        if (!decision.holdsAny(REFERRING) || me.roles().stream().noneMatch(OFFICERS::contains)) {
            throw TongxinException.forbidden("NOT_REFERRING_PARTY");
        }
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        if (facts.status() != org.tongxin.casefile.CaseStatus.INTAKE
                && facts.status() != org.tongxin.casefile.CaseStatus.UNDER_CORRECTION) {
            throw TongxinException.conflict("CASE_NOT_UNDER_CORRECTION");
        }
        FieldProblems problems = new FieldProblems();
        if (request == null || request.service() == null) {
            problems.add("service", "required");
        }
        AgencyView to = null;
        if (request == null || request.toAgency() == null) {
            problems.add("toAgencyId", "required");
        } else {
            to = agencies.find(request.toAgency()).filter(AgencyView::active).orElse(null);
            if (to == null) {
                problems.add("toAgencyId", "unknownAgency");
            } else if (request.service() != null
                    && to.type() != request.service().provider()) {
                problems.add("toAgencyId", "wrongProvider");
            } else if (!agencies.serves(to.id(), district(facts))) {
                problems.add("toAgencyId", "notServingDistrict");
            }
        }
        String note = text(request == null ? null : request.note(), "note", REASON_MIN, TEXT_MAX, problems);
        problems.throwIfAny();
        if (referrals.ofCase(caseId).stream()
                .anyMatch(r -> !r.status().closed()
                        && r.service() == request.service()
                        && r.to().equals(request.toAgency()))) {
            throw TongxinException.conflict("REFERRAL_ALREADY_OPEN");
        }
        ReferralId id = ReferralId.random();
        Instant now = clock.instant();
        referrals.insert(
                id,
                caseId,
                request.service(),
                me.agency(),
                to.id(),
                cipher.encrypt(note, NOTE),
                now,
                me.userId(),
                displayName(me));
        caseManagement.grant(caseId, to.id(), Participation.ASSISTING);
        DocumentId letter =
                letters.generate(id, caseId, facts, request.service(), agencies.get(me.agency()), to, note, now, me);
        referrals.letter(id, letter.value());
        events.publishEvent(new ReferralMade(
                UUID.randomUUID(), id, caseId, request.service(), me.agency(), to.id(), now, currentUser.ref()));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "referral.make")
                .target("referral", id)
                .detail("case", caseId)
                .detail("service", request.service())
                .detail("to", to.id()));
        return id;
    }

    /** The referring agency takes the referral back before it is answered, with a reason. */
    @Transactional
    public void withdraw(ReferralId id, int version, String reason) {
        Row r = referringCommand(id, version);
        Referral referral = Referral.of(r);
        FieldProblems problems = new FieldProblems();
        String clean = text(reason, "reason", REASON_MIN, REASON_MAX, problems);
        referral.withdraw(clean, clock.instant(), currentUser.ref());
        problems.throwIfAny();
        save(referral);
        endAssistance(r);
        publish(referral);
        audited("referral.withdraw", r);
    }

    // Commands of the receiving agency

    /** Accepts: the subject gets a free place (ACCEPTED), or joins the waiting list when every declared place is taken. */
    @Transactional
    public ReferralStatus accept(ReferralId id, int version) {
        Row r = receivingCommand(id, version);
        Referral referral = Referral.of(r);
        if (referral.status() != ReferralStatus.DELIVERED) {
            // Before the capacity is locked: an answered referral takes no look at the places.
            throw TongxinException.conflict("REFERRAL_NOT_DELIVERED");
        }
        referral.accept(
                waitingList.placeFree(r.to(), r.service()),
                displayName(currentUser.get()),
                clock.instant(),
                currentUser.ref());
        save(referral);
        publish(referral);
        audited("referral.accept", r);
        return referral.status();
    }

    /** Declines, with the reason the referring agency reads (required, at least {@value #REASON_MIN} characters). */
    @Transactional
    public void decline(ReferralId id, int version, String reason) {
        Row r = receivingCommand(id, version);
        FieldProblems problems = new FieldProblems();
        String clean = text(reason, "reason", REASON_MIN, REASON_MAX, problems);
        problems.throwIfAny();
        Referral referral = Referral.of(r);
        referral.decline(clean, displayName(currentUser.get()), clock.instant(), currentUser.ref());
        save(referral);
        endAssistance(r);
        publish(referral);
        audited("referral.decline", r);
    }

    /** The first contact with the subject, on {@code on} (not in the future): ACCEPTED → IN_PROGRESS. */
    @Transactional
    public void recordContact(ReferralId id, int version, LocalDate on, String note) {
        Row r = receivingCommand(id, version);
        FieldProblems problems = new FieldProblems();
        LocalDate day = day(on, r, problems);
        String clean = text(note, "note", 1, TEXT_MAX, problems);
        problems.throwIfAny();
        Referral referral = Referral.of(r);
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        referral.recordFirstContact(now, currentUser.ref());
        save(referral);
        referrals.insertNote(
                id, r.caseId(), "CONTACT", 1, day, cipher.encrypt(clean, NOTE_TEXT), now, me.userId(), displayName(me));
        publish(referral);
        audited("referral.contact", r);
    }

    /** A progress note (at least monthly while the assistance runs). */
    @Transactional
    public void addProgressNote(ReferralId id, int version, LocalDate on, String note) {
        Row r = receivingCommand(id, version);
        FieldProblems problems = new FieldProblems();
        LocalDate day = day(on, r, problems);
        String clean = text(note, "note", REASON_MIN, TEXT_MAX, problems);
        problems.throwIfAny();
        Referral referral = Referral.of(r);
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        int number = referral.noteProgress(now, currentUser.ref());
        save(referral);
        referrals.insertNote(
                id,
                r.caseId(),
                "PROGRESS",
                number,
                day,
                cipher.encrypt(clean, NOTE_TEXT),
                now,
                me.userId(),
                displayName(me));
        publish(referral);
        audited("referral.progress", r);
    }

    /** The outcome: delivered or not, with a note. The place it held goes to the next referral waiting for one. */
    @Transactional
    public void complete(ReferralId id, int version, Boolean delivered, String note) {
        Row r = receivingCommand(id, version);
        FieldProblems problems = new FieldProblems();
        if (delivered == null) {
            problems.add("delivered", "required");
        }
        String clean = text(note, "note", REASON_MIN, TEXT_MAX, problems);
        problems.throwIfAny();
        Referral referral = Referral.of(r);
        Instant now = clock.instant();
        referral.complete(delivered, clean, now, currentUser.ref());
        save(referral);
        endAssistance(r);
        publish(referral);
        audited("referral.complete", r);
        waitingList.fillFreePlaces(r.to(), r.service(), now, currentUser.ref());
    }

    // Queries

    /** A referral for one of its parties (404 for anyone else); the subject's shared fields read is audited. */
    @Transactional
    public ReferralView view(ReferralId id) {
        Row r = readable(id);
        AgencyId mine = currentUser.get().agency();
        boolean receiving = r.to().equals(mine);
        boolean ended = endedForReceiver(r, mine);
        Set<SharedField> shared = SharedField.of(r.service());
        // Shared fields only while the referral is active (issue 9, item 6): after it ended the department keeps its
        // own record of the referral (its answer, notes and outcome), not the subject's fields and not the case.
        Map<String, Object> subject =
                ended ? Map.of() : shared(r, shared, cases.subjectForAssistance(r.caseId(), "referral"));
        String note = ended ? null : cipher.decrypt(r.note(), NOTE);
        List<Note> notes = referrals.notes(id).stream()
                .map(n -> new Note(
                        n.id(),
                        n.kind(),
                        n.seq(),
                        n.happenedOn(),
                        cipher.decrypt(n.text(), NOTE_TEXT),
                        n.recordedAt(),
                        n.authorName()))
                .toList();
        return new ReferralView(
                r.id(),
                ended ? null : r.caseId(),
                ended
                        ? null
                        : cases.facts(r.caseId()).map(CaseFacts::caseNumber).orElse(null),
                r.service(),
                r.from(),
                r.to(),
                r.status(),
                receiving && !shared.contains(SharedField.REFERRAL_NOTE) ? null : note,
                ended ? null : r.letterDocumentId(),
                r.madeAt(),
                r.madeByName(),
                r.answeredAt(),
                r.answeredByName(),
                r.declineReason(),
                r.waitingSince(),
                r.status() == ReferralStatus.WAITING ? referrals.waitingPosition(r) : null,
                r.placedAt(),
                r.firstContactAt(),
                r.progressNotes(),
                r.closedAt(),
                r.delivered(),
                r.outcomeNote() == null ? null : cipher.decrypt(r.outcomeNote(), OUTCOME),
                r.withdrawalReason(),
                r.version(),
                shared,
                subject,
                notes,
                deadlines(r),
                r.from().equals(mine),
                receiving);
    }

    /** The referrals of a case the caller's agency may see (404 when the case is not theirs), oldest first. */
    @Transactional(readOnly = true)
    public List<ReferralSummary> ofCase(CaseId caseId) {
        CaseAccessDecision decision = cases.access(caseId);
        AgencyId mine = currentUser.get().agency();
        String number = cases.facts(caseId).map(CaseFacts::caseNumber).orElse(null);
        return referrals.ofCase(caseId).stream()
                .filter(r -> decision.holdsAny(REFERRING)
                        || r.to().equals(mine)
                        || r.from().equals(mine))
                .map(r -> summary(r, number))
                .toList();
    }

    /** Referrals to the caller's agency ({@code incoming}) or made by it, filtered by state and service. */
    @Transactional(readOnly = true)
    public PageResult<ReferralSummary> list(
            boolean incoming, ReferralStatus status, AssistanceService service, PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        if (me.agencyId() == null || !me.worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        AgencyId mine = me.agency();
        PageResult<Row> rows = referrals.list(mine, incoming, status, service, page);
        Map<CaseId, String> numbers = new HashMap<>();
        return rows.map(r -> endedForReceiver(r, mine)
                ? ended(r)
                : summary(
                        r,
                        numbers.computeIfAbsent(
                                r.caseId(),
                                c -> cases.facts(c).map(CaseFacts::caseNumber).orElse(null))));
    }

    /** How many referrals to the caller's agency await its answer (0 for anyone not working for a department). */
    @Transactional(readOnly = true)
    public long awaitingMyAnswer() {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.agencyId() == null || me.roles().stream().noneMatch(CASEWORKERS::contains)) {
            return 0;
        }
        return referrals.awaitingAnswer(me.agency());
    }

    /** Whether the caller's agency may open the referral (its two agencies, and the case's referring parties). */
    @Transactional(readOnly = true)
    public boolean mayRead(ReferralId id) {
        return referrals.find(id).map(this::readableBy).orElse(false);
    }

    /** The referral letter PDF for a party of the referral; the read is audited. */
    @Transactional
    public Letter letter(ReferralId id) {
        Row r = readable(id);
        if (r.letterDocumentId() == null) {
            throw TongxinException.notFound();
        }
        // The case's one document rule decides (the department only while its referral is open); it audits the read.
        CaseDocumentAccess.Opened opened = documentAccess.open(
                r.caseId(),
                DocumentId.of(r.letterDocumentId()),
                "referral.letter.read",
                "referral",
                Map.of("referral", id));
        return new Letter(opened.fileName(), opened.contentType(), opened.content());
    }

    /** A document's bytes with its name and type, for a download. */
    public record Letter(String fileName, String contentType, byte[] content) {}

    /** Active agencies that may receive a referral for this case (of a provider type, serving the case's district). */
    @Transactional(readOnly = true)
    public List<AgencyView> receivers(CaseId caseId) {
        cases.access(caseId);
        CaseFacts facts = cases.facts(caseId).orElseThrow(TongxinException::notFound);
        Set<org.tongxin.agency.AgencyType> providers = EnumSet.noneOf(org.tongxin.agency.AgencyType.class);
        for (AssistanceService s : AssistanceService.values()) {
            providers.add(s.provider());
        }
        String district = district(facts);
        return agencies.listActive().stream()
                .filter(a -> providers.contains(a.type()))
                .filter(a -> agencies.serves(a.id(), district))
                .toList();
    }

    /**
     * Why a referral was declined, for the read models the application builds in its own work (event listeners): the
     * event carries no free text. No access check beyond row-level security — not for a person's request.
     */
    @Transactional(readOnly = true)
    public Optional<String> declineReason(ReferralId id) {
        return referrals.find(id).map(Row::declineReason);
    }

    /** Whether the caller may refer a subject of this case (county agency or judicial office officer of the case). */
    @Transactional(readOnly = true)
    public boolean mayRefer(CaseId caseId) {
        TongxinPrincipal me = currentUser.get();
        return me.roles().stream().anyMatch(OFFICERS::contains)
                && cases.access(caseId).holdsAny(REFERRING);
    }

    // Helpers

    /**
     * A referral that ended (declined, withdrawn, completed) no longer gives its department a lawful role in the case:
     * the department keeps its referral record, but neither the case nor the subject's fields, unless another referral
     * of the case to it is still open.
     */
    private void endAssistance(Row r) {
        caseManagement.revokeGrant(
                r.caseId(), r.to(), Participation.ASSISTING, () -> referrals.anyOpenTo(r.caseId(), r.to()));
    }

    /** Whether the caller reads the referral as its receiving department after it ended: no case, no subject fields. */
    private boolean endedForReceiver(Row r, AgencyId mine) {
        return r.to().equals(mine) && r.status().closed();
    }

    private List<ObligationView> deadlines(Row r) {
        List<ObligationView> found = new ArrayList<>();
        ledger.find(r.caseId(), AssistanceProcedure.ANSWER, r.id().toString()).ifPresent(found::add);
        ledger.find(r.caseId(), AssistanceProcedure.CONTACT, r.id().toString()).ifPresent(found::add);
        for (int n = 1; n <= r.progressNotes() + 1; n++) {
            ledger.find(r.caseId(), AssistanceProcedure.PROGRESS, AssistanceProcedure.progressInstance(r.id(), n))
                    .ifPresent(found::add);
        }
        return found;
    }

    private Map<String, Object> shared(Row r, Set<SharedField> fields, SubjectView s) {
        Map<String, Object> values = new LinkedHashMap<>();
        SharedSubject.of(fields, s, LegalTime.today(clock), this::divisionName)
                .forEach((f, v) -> values.put(f.key(), v instanceof Enum<?> e ? e.name() : v));
        if (fields.contains(SharedField.REFERRAL_NOTE)) {
            values.put(SharedField.REFERRAL_NOTE.key(), cipher.decrypt(r.note(), NOTE));
        }
        return values;
    }

    private String divisionName(String code) {
        return agencies.division(code).map(Division::nameZh).orElse(code);
    }

    private String district(CaseFacts facts) {
        return agencies.get(facts.countyAgencyId()).divisionCode();
    }

    private Row readable(ReferralId id) {
        Row r = referrals.find(id).orElseThrow(TongxinException::notFound);
        if (!readableBy(r)) {
            throw TongxinException.notFound();
        }
        return r;
    }

    /** Its two agencies read a referral, and so do the case's referring parties (executing agency, assigned office). */
    private boolean readableBy(Row r) {
        TongxinPrincipal me = currentUser.find().orElse(null);
        if (me == null || me.agencyId() == null || !me.worksCases()) {
            return false;
        }
        AgencyId mine = me.agency();
        return r.from().equals(mine)
                || r.to().equals(mine)
                || cases.decision(r.caseId()).holdsAny(REFERRING);
    }

    private Row referringCommand(ReferralId id, int version) {
        Row r = readable(id);
        TongxinPrincipal me = currentUser.get();
        if (!r.from().equals(me.agency()) || me.roles().stream().noneMatch(OFFICERS::contains)) {
            throw TongxinException.forbidden("NOT_REFERRING_AGENCY");
        }
        if (r.version() != version) {
            throw TongxinException.staleVersion();
        }
        return r;
    }

    private Row receivingCommand(ReferralId id, int version) {
        Row r = readable(id);
        TongxinPrincipal me = currentUser.get();
        if (!r.to().equals(me.agency()) || me.roles().stream().noneMatch(CASEWORKERS::contains)) {
            throw TongxinException.forbidden("NOT_RECEIVING_AGENCY");
        }
        if (r.version() != version) {
            throw TongxinException.staleVersion();
        }
        return r;
    }

    /** Saves a changed referral under the version it was read at (the command's, checked when it was read); else 409. */
    private void save(Referral referral) {
        if (!referrals.save(referral)) {
            throw TongxinException.staleVersion();
        }
    }

    private void publish(Referral referral) {
        referral.pullEvents().forEach(events::publishEvent);
    }

    private void audited(String action, Row r) {
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, action)
                .target("referral", r.id())
                .detail("case", r.caseId())
                .detail("service", r.service()));
    }

    private LocalDate day(LocalDate on, Row r, FieldProblems problems) {
        LocalDate today = LegalTime.today(clock);
        if (on == null) {
            return today;
        }
        if (on.isAfter(today)) {
            problems.add("on", "notFuture");
        } else if (on.isBefore(LegalTime.dateOf(r.madeAt()))) {
            problems.add("on", "beforeReferral");
        }
        return on;
    }

    private static String text(String value, String field, int min, int max, FieldProblems problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(field, "required");
        } else if (clean.length() < min) {
            problems.add(field, "minLength", min);
        } else if (clean.length() > max) {
            problems.add(field, "maxLength", max);
        }
        return clean;
    }

    private ReferralSummary summary(Row r, String caseNumber) {
        return new ReferralSummary(
                r.id(),
                r.caseId(),
                caseNumber,
                r.service(),
                r.from(),
                r.to(),
                r.status(),
                r.madeAt(),
                r.answeredAt(),
                r.updatedAt(),
                r.version());
    }

    /** A referral as its department lists it after it ended: without the case. */
    private static ReferralSummary ended(Row r) {
        return new ReferralSummary(
                r.id(),
                null,
                null,
                r.service(),
                r.from(),
                r.to(),
                r.status(),
                r.madeAt(),
                r.answeredAt(),
                r.updatedAt(),
                r.version());
    }

    static String displayName(TongxinPrincipal me) {
        return me.displayName() == null ? me.username() : me.displayName();
    }
}
