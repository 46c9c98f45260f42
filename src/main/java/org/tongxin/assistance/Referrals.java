package org.tongxin.assistance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.assistance.AssistanceEvents.ReferralMade;
import org.tongxin.assistance.ReferralViews.CapacityChange;
import org.tongxin.assistance.ReferralViews.CapacityLine;
import org.tongxin.assistance.ReferralViews.NewReferral;
import org.tongxin.assistance.ReferralViews.Note;
import org.tongxin.assistance.ReferralViews.ReferralSummary;
import org.tongxin.assistance.ReferralViews.ReferralView;
import org.tongxin.assistance.internal.ReferralLetters;
import org.tongxin.assistance.internal.Referral;
import org.tongxin.assistance.internal.ReferralRepository;
import org.tongxin.assistance.internal.ReferralRepository.CapacityRow;
import org.tongxin.assistance.internal.ReferralRepository.Row;
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
    public static final int MAX_PLACES = 10_000;
    static final Set<Role> OFFICERS = EnumSet.of(Role.COUNTY_OFFICER, Role.COUNTY_HEAD, Role.OFFICE_OFFICER, Role.OFFICE_HEAD);
    static final Set<Role> CASEWORKERS = EnumSet.of(Role.ASSISTANCE_CASEWORKER, Role.SOCIAL_WORKER);
    static final Set<Participation> REFERRING = EnumSet.of(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);
    static final String NOTE = "assistance_referral.note";
    static final String OUTCOME = ReferralRepository.OUTCOME_NOTE;
    static final String NOTE_TEXT = "assistance_note.text";

    private final ReferralRepository referrals;
    private final CaseDirectory cases;
    private final CaseManagement caseManagement;
    private final AgencyDirectory agencies;
    private final CaseDocumentAccess documentAccess;
    private final ReferralLetters letters;
    private final ObligationLedger ledger;
    private final CurrentUser currentUser;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(ReferralRepository referrals, CaseDirectory cases, CaseManagement caseManagement, AgencyDirectory agencies,
            CaseDocumentAccess documentAccess, ReferralLetters letters, ObligationLedger ledger, CurrentUser currentUser, FieldCipher cipher,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.caseManagement = caseManagement;
        this.agencies = agencies;
        this.documentAccess = documentAccess;
        this.letters = letters;
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
        if (facts.status() != org.tongxin.casefile.CaseStatus.INTAKE && facts.status() != org.tongxin.casefile.CaseStatus.UNDER_CORRECTION) {
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
            } else if (request.service() != null && to.type() != request.service().provider()) {
                problems.add("toAgencyId", "wrongProvider");
            } else if (!agencies.serves(to.id(), district(facts))) {
                problems.add("toAgencyId", "notServingDistrict");
            }
        }
        String note = text(request == null ? null : request.note(), "note", REASON_MIN, TEXT_MAX, problems);
        problems.throwIfAny();
        if (referrals.ofCase(caseId).stream().anyMatch(r -> !r.status().closed() && r.service() == request.service()
                && r.to().equals(request.toAgency()))) {
            throw TongxinException.conflict("REFERRAL_ALREADY_OPEN");
        }
        ReferralId id = ReferralId.random();
        Instant now = clock.instant();
        referrals.insert(id, caseId, request.service(), me.agency(), to.id(), cipher.encrypt(note, NOTE), now, me.userId(),
                displayName(me));
        caseManagement.grant(caseId, to.id(), Participation.ASSISTING);
        DocumentId letter = letters.generate(id, caseId, facts, request.service(), agencies.get(me.agency()), to, note, now, me);
        referrals.letter(id, letter.value());
        events.publishEvent(new ReferralMade(UUID.randomUUID(), id, caseId, request.service(), me.agency(), to.id(), now,
                currentUser.ref()));
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "referral.make").target("referral", id).detail("case", caseId)
                .detail("service", request.service()).detail("to", to.id()));
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
        referral.accept(freePlace(r.to(), r.service()), displayName(currentUser.get()), clock.instant(), currentUser.ref());
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
        referrals.insertNote(id, r.caseId(), "CONTACT", 1, day, cipher.encrypt(clean, NOTE_TEXT), now, me.userId(), displayName(me));
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
        referrals.insertNote(id, r.caseId(), "PROGRESS", number, day, cipher.encrypt(clean, NOTE_TEXT), now, me.userId(),
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
        fillFreePlaces(r.to(), r.service(), now);
    }

    // Capacity

    /** The caller's agency's places and staff per service of its type, with the places taken and the waiting list. */
    @Transactional(readOnly = true)
    public List<CapacityLine> capacity() {
        AgencyView mine = caseworkerAgency();
        Map<AssistanceService, CapacityRow> declared = referrals.capacities(mine.id()).stream()
                .collect(Collectors.toMap(CapacityRow::service, c -> c));
        List<CapacityLine> lines = new ArrayList<>();
        for (AssistanceService service : servicesOf(mine)) {
            Map<String, Integer> counts = referrals.counts(mine.id(), service);
            CapacityRow row = declared.get(service);
            lines.add(CapacityLine.of(service, row == null ? null : row.places(), row == null ? null : row.staff(),
                    counts.get("occupied"), counts.get("waiting"), row == null ? 0 : row.version()));
        }
        return lines;
    }

    /** Declares places and staff for services of the caller's agency; more places place the next referrals waiting. */
    @Transactional
    public List<CapacityLine> declareCapacity(List<CapacityChange> changes) {
        AgencyView mine = caseworkerAgency();
        FieldProblems problems = new FieldProblems();
        List<CapacityChange> list = changes == null ? List.of() : changes;
        if (list.isEmpty()) {
            problems.add("lines", "required");
        }
        Set<AssistanceService> offered = servicesOf(mine);
        Set<AssistanceService> seen = EnumSet.noneOf(AssistanceService.class);
        for (int i = 0; i < list.size(); i++) {
            CapacityChange c = list.get(i);
            String field = "lines[" + i + "].";
            if (c == null || c.service() == null) {
                problems.add(field + "service", "required");
                continue;
            }
            if (!offered.contains(c.service())) {
                problems.add(field + "service", "notOffered");
            } else if (!seen.add(c.service())) {
                problems.add(field + "service", "duplicate");
            }
            range(c.places(), field + "places", problems);
            range(c.staff(), field + "staff", problems);
            if (c.version() == null || c.version() < 0) {
                problems.add(field + "version", "required");
            }
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        for (CapacityChange c : list) {
            referrals.lockCapacity(mine.id(), c.service());
            if (!referrals.saveCapacity(mine.id(), c.service(), c.places(), c.staff(), c.version(), now, currentUser.get().userId())) {
                throw TongxinException.staleVersion();
            }
        }
        for (CapacityChange c : list) {
            fillFreePlaces(mine.id(), c.service(), now);
        }
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "assistance.capacity").target("agency", mine.id())
                .detail("services", list.stream().map(c -> c.service().name()).collect(Collectors.joining(","))));
        return capacity();
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
        Map<String, Object> subject = ended ? Map.of() : shared(r, shared, cases.subjectForAssistance(r.caseId(), "referral"));
        String note = ended ? null : cipher.decrypt(r.note(), NOTE);
        List<Note> notes = referrals.notes(id).stream().map(n -> new Note(n.id(), n.kind(), n.seq(), n.happenedOn(),
                cipher.decrypt(n.text(), NOTE_TEXT), n.recordedAt(), n.authorName())).toList();
        return new ReferralView(r.id(), ended ? null : r.caseId(),
                ended ? null : cases.facts(r.caseId()).map(CaseFacts::caseNumber).orElse(null), r.service(),
                r.from(), r.to(), r.status(), receiving && !shared.contains(SharedField.REFERRAL_NOTE) ? null : note,
                ended ? null : r.letterDocumentId(), r.madeAt(), r.madeByName(), r.answeredAt(), r.answeredByName(), r.declineReason(),
                r.waitingSince(), r.status() == ReferralStatus.WAITING ? referrals.waitingPosition(r) : null, r.placedAt(),
                r.firstContactAt(), r.progressNotes(), r.closedAt(), r.delivered(),
                r.outcomeNote() == null ? null : cipher.decrypt(r.outcomeNote(), OUTCOME), r.withdrawalReason(), r.version(),
                shared, subject, notes, deadlines(r), r.from().equals(mine), receiving);
    }

    /** The referrals of a case the caller's agency may see (404 when the case is not theirs), oldest first. */
    @Transactional(readOnly = true)
    public List<ReferralSummary> ofCase(CaseId caseId) {
        CaseAccessDecision decision = cases.access(caseId);
        AgencyId mine = currentUser.get().agency();
        String number = cases.facts(caseId).map(CaseFacts::caseNumber).orElse(null);
        return referrals.ofCase(caseId).stream().filter(r -> decision.holdsAny(REFERRING) || r.to().equals(mine) || r.from().equals(mine))
                .map(r -> summary(r, number)).toList();
    }

    /** Referrals to the caller's agency ({@code incoming}) or made by it, filtered by state and service. */
    @Transactional(readOnly = true)
    public PageResult<ReferralSummary> list(boolean incoming, ReferralStatus status, AssistanceService service, PageQuery page) {
        TongxinPrincipal me = currentUser.get();
        if (me.agencyId() == null || !me.worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        AgencyId mine = me.agency();
        PageResult<Row> rows = referrals.list(mine, incoming, status, service, page);
        Map<CaseId, String> numbers = new HashMap<>();
        return rows.map(r -> endedForReceiver(r, mine) ? ended(r) : summary(r, numbers.computeIfAbsent(r.caseId(),
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
        CaseDocumentAccess.Opened opened = documentAccess.open(r.caseId(), DocumentId.of(r.letterDocumentId()), "referral.letter.read",
                "referral", Map.of("referral", id));
        return new Letter(opened.fileName(), opened.contentType(), opened.content());
    }

    /** A document's bytes with its name and type, for a download. */
    public record Letter(String fileName, String contentType, byte[] content) {
    }

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
        return agencies.listActive().stream().filter(a -> providers.contains(a.type()))
                .filter(a -> agencies.serves(a.id(), district)).toList();
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
        return me.roles().stream().anyMatch(OFFICERS::contains) && cases.access(caseId).holdsAny(REFERRING);
    }

    // Helpers

    /**
     * A referral that ended (declined, withdrawn, completed) no longer gives its department a lawful role in the case:
     * the department keeps its referral record, but neither the case nor the subject's fields, unless another referral
     * of the case to it is still open.
     */
    private void endAssistance(Row r) {
        caseManagement.revokeGrant(r.caseId(), r.to(), Participation.ASSISTING, () -> referrals.anyOpenTo(r.caseId(), r.to()));
    }

    /** Whether the caller reads the referral as its receiving department after it ended: no case, no subject fields. */
    private boolean endedForReceiver(Row r, AgencyId mine) {
        return r.to().equals(mine) && r.status().closed();
    }

    private void fillFreePlaces(AgencyId agency, AssistanceService service, Instant now) {
        while (true) {
            Optional<CapacityRow> capacity = referrals.lockCapacity(agency, service);
            Map<String, Integer> counts = referrals.counts(agency, service);
            if (capacity.isPresent() && counts.get("occupied") >= capacity.get().places()) {
                return;
            }
            Optional<Row> next = referrals.nextWaiting(agency, service);
            if (next.isEmpty()) {
                return;
            }
            Referral waiting = Referral.of(next.get());
            waiting.placeFromWaitingList(now, currentUser.ref());
            save(waiting);
            publish(waiting);
        }
    }

    private boolean freePlace(AgencyId agency, AssistanceService service) {
        Optional<CapacityRow> capacity = referrals.lockCapacity(agency, service);
        if (capacity.isEmpty()) {
            return true;
        }
        Map<String, Integer> counts = referrals.counts(agency, service);
        return counts.get("waiting") == 0 && counts.get("occupied") < capacity.get().places();
    }

    private List<ObligationView> deadlines(Row r) {
        List<ObligationView> found = new ArrayList<>();
        ledger.find(r.caseId(), AssistanceProcedure.ANSWER, r.id().toString()).ifPresent(found::add);
        ledger.find(r.caseId(), AssistanceProcedure.CONTACT, r.id().toString()).ifPresent(found::add);
        for (int n = 1; n <= r.progressNotes() + 1; n++) {
            ledger.find(r.caseId(), AssistanceProcedure.PROGRESS, AssistanceProcedure.progressInstance(r.id(), n)).ifPresent(found::add);
        }
        return found;
    }

    private Map<String, Object> shared(Row r, Set<SharedField> fields, SubjectView s) {
        Map<String, Object> values = new LinkedHashMap<>();
        LocalDate today = LegalTime.today(clock);
        for (SharedField f : fields) {
            Object value = switch (f) {
                case NAME -> s.name();
                case GENDER -> s.gender() == null ? null : s.gender().name();
                case BIRTH_DATE -> s.birthDate();
                case AGE -> s.birthDate() == null ? null : Period.between(s.birthDate(), today).getYears();
                case ID_NUMBER -> s.idNumber();
                case PHONE -> s.phone();
                case RESIDENCE_ADDRESS -> join(divisionName(s.residenceDivision()), s.residenceAddress());
                case RESIDENCE_DISTRICT -> divisionName(s.residenceDivision());
                case GUARDIAN -> s.guardianName() == null ? null
                        : join(s.guardianName(), s.guardianRelation() == null ? null : "（" + s.guardianRelation() + "）",
                                s.guardianPhone());
                case REFERRAL_NOTE -> cipher.decrypt(r.note(), NOTE);
            };
            values.put(f.key(), value);
        }
        return values;
    }

    private String divisionName(String code) {
        return code == null ? null : agencies.division(code).map(Division::nameZh).orElse(code);
    }

    private static String join(String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private String district(CaseFacts facts) {
        return agencies.get(facts.countyAgencyId()).divisionCode();
    }

    private Set<AssistanceService> servicesOf(AgencyView agency) {
        Set<AssistanceService> set = EnumSet.noneOf(AssistanceService.class);
        for (AssistanceService s : AssistanceService.values()) {
            if (s.provider() == agency.type()) {
                set.add(s);
            }
        }
        return set;
    }

    private AgencyView caseworkerAgency() {
        TongxinPrincipal me = currentUser.get();
        if (me.agencyId() == null || me.roles().stream().noneMatch(CASEWORKERS::contains)) {
            throw TongxinException.forbidden("NOT_ASSISTING_AGENCY");
        }
        AgencyView mine = agencies.get(me.agency());
        if (servicesOf(mine).isEmpty()) {
            throw TongxinException.forbidden("NOT_ASSISTING_AGENCY");
        }
        return mine;
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
        return r.from().equals(mine) || r.to().equals(mine) || cases.decision(r.caseId()).holdsAny(REFERRING);
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
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, action).target("referral", r.id()).detail("case", r.caseId())
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

    private static void range(Integer value, String field, FieldProblems problems) {
        if (value == null) {
            problems.add(field, "required");
        } else if (value < 0 || value > MAX_PLACES) {
            // The bounds as text: a number argument would print with a thousands separator.
            problems.add(field, "range", "0", Integer.toString(MAX_PLACES));
        }
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
        return new ReferralSummary(r.id(), r.caseId(), caseNumber, r.service(), r.from(), r.to(), r.status(), r.madeAt(),
                r.answeredAt(), r.updatedAt(), r.version());
    }

    /** A referral as its department lists it after it ended: without the case. */
    private static ReferralSummary ended(Row r) {
        return new ReferralSummary(r.id(), null, null, r.service(), r.from(), r.to(), r.status(), r.madeAt(), r.answeredAt(),
                r.updatedAt(), r.version());
    }

    static String displayName(TongxinPrincipal me) {
        return me.displayName() == null ? me.username() : me.displayName();
    }
}
