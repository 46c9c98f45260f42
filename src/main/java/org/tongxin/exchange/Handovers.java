package org.tongxin.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseDocumentAccess;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.exchange.HandoverData.NewHandover;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverData.Problem;
import org.tongxin.exchange.internal.Handover;
import org.tongxin.exchange.internal.HandoverRepository;
import org.tongxin.identity.CaseAccessDecision;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The exchange's commands and queries. Only the sending agency prepares, delivers, supplements or cancels; only the
 * receiving agency receipts or rejects; sender, receiver and copy recipients read (and the escalation organ and the
 * coordination office while a case is brought to them). Anyone else finds nothing (404). A stale version is 409. A
 * command loads the {@link Handover} (its access rule and the caller's version first), validates the input (400), calls
 * the transition, saves it and publishes what it registered (doc/adr/0048-the-handover-aggregate.md).
 */
@Component
public class Handovers {

    static final int MAX_ITEMS = 30;
    static final int MAX_PROBLEMS = 30;
    private static final Set<Participation> OVERSIGHT =
            EnumSet.of(Participation.ESCALATION, Participation.COORDINATION);

    private final HandoverRepository handovers;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final Documents documents;
    private final DocumentNumbers numbers;
    private final CaseDocumentAccess documentAccess;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Handovers(
            HandoverRepository handovers,
            CaseDirectory cases,
            AgencyDirectory agencies,
            Documents documents,
            CaseDocumentAccess documentAccess,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            MessageSource messages,
            DocumentNumbers numbers,
            Clock clock) {
        this.numbers = numbers;
        this.documentAccess = documentAccess;
        this.handovers = handovers;
        this.cases = cases;
        this.agencies = agencies;
        this.documents = documents;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** Puts a bundle together (PREPARED); the caller must belong to the sending agency. */
    @Transactional
    public HandoverId prepare(NewHandover request) {
        Objects.requireNonNull(request.caseId(), "caseId");
        Objects.requireNonNull(request.kind(), "kind");
        TongxinPrincipal me = currentUser.get();
        if (!request.sender().equals(me.agency())) {
            throw TongxinException.forbidden("NOT_SENDER");
        }
        AgencyView receiver = agencies.find(request.receiver())
                .filter(AgencyView::active)
                .orElseThrow(() -> TongxinException.invalid("receiverAgencyId", "unknownAgency"));
        if (receiver.id().equals(request.sender())) {
            throw TongxinException.invalid("receiverAgencyId", "receiverIsSender");
        }
        FieldProblems problems = new FieldProblems();
        List<NewItem> items = request.items() == null ? List.of() : request.items();
        checkItems(request.caseId(), items, "items", problems);
        String note = note(request.note(), problems);
        problems.throwIfAny();
        HandoverId id = HandoverId.of(UUID.randomUUID());
        Handover handover = Handover.prepare(
                id,
                request.caseId(),
                request.kind(),
                request.stepId(),
                request.sender(),
                request.receiver(),
                request.copies() == null ? List.of() : request.copies(),
                request.audience(),
                items.stream().map(this::normalised).toList(),
                note,
                me.userId(),
                clock.instant());
        handovers.insert(handover);
        handover.pullEvents().forEach(events::publishEvent);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "handover.prepare")
                .target("handover", id)
                .detail("case", request.caseId())
                .detail("kind", request.kind()));
        return id;
    }

    /** Delivers a prepared bundle: round 1, copies reach their recipients. */
    @Transactional
    public void deliver(HandoverId id, int version) {
        Handover handover = senderCommand(id, version);
        handover.deliver(person(), clock.instant(), currentUser.ref());
        saveAndPublish(handover);
        auditDelivery(handover);
    }

    /** The sender answers a rejection with the missing or corrected items and delivers again (next round). */
    @Transactional
    public void supplement(HandoverId id, int version, List<NewItem> items, String note) {
        Handover handover = senderCommand(id, version);
        FieldProblems problems = new FieldProblems();
        List<NewItem> added = items == null ? List.of() : items;
        if (added.isEmpty()) {
            problems.add("items", "required");
        }
        checkItems(handover.caseId(), added, "items", problems);
        note(note, problems);
        // The state first (a handover not rejected answers 409 whatever was sent), then the input: nothing is saved.
        handover.supplement(
                added.stream()
                        .filter(i -> i != null && i.code() != null)
                        .map(this::normalised)
                        .toList(),
                person(),
                clock.instant(),
                currentUser.ref());
        problems.throwIfAny();
        saveAndPublish(handover);
        auditDelivery(handover);
    }

    /** The receiver acknowledges the bundle as complete; a receipt (回执) PDF is generated and kept with it. */
    @Transactional
    public void receipt(HandoverId id, int version, String note) {
        Handover handover = receiverCommand(id, version);
        FieldProblems problems = new FieldProblems();
        String cleanNote = note(note, problems);
        Instant now = clock.instant();
        TongxinPrincipal me = currentUser.get();
        // The state first, then the input; the receipt is issued only for a valid answer in the right state.
        handover.receipt(cleanNote, person(), now, currentUser.ref(), () -> {
            problems.throwIfAny();
            return documents
                    .generate(DocumentTemplate.RECEIPT, handover.caseId().value(), receiptValues(handover, now, me))
                    .value();
        });
        saveAndPublish(handover);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "handover.receipt")
                .target("handover", id)
                .detail("case", handover.caseId())
                .detail("round", handover.round()));
    }

    /** The receiver names what is missing or defective; the sender must supplement. */
    @Transactional
    public void reject(HandoverId id, int version, List<Problem> problemList, String note) {
        Handover handover = receiverCommand(id, version);
        FieldProblems problems = new FieldProblems();
        List<Problem> named = problemList == null ? List.of() : problemList;
        if (named.isEmpty()) {
            problems.add("problems", "required");
        } else if (named.size() > MAX_PROBLEMS) {
            problems.add("problems", "maxItems", MAX_PROBLEMS);
        }
        Map<UUID, Handover.Item> items = handover.items().stream()
                .collect(Collectors.toMap(Handover.Item::id, i -> i, (a, b) -> a, LinkedHashMap::new));
        List<Problem> clean = new ArrayList<>();
        for (int i = 0; i < named.size() && i < MAX_PROBLEMS; i++) {
            Problem p = named.get(i);
            String field = "problems[" + i + "].";
            if (p == null || p.kind() == null) {
                problems.add(field + "kind", "required");
                continue;
            }
            ItemCode code = p.code();
            if (p.kind() == ProblemKind.DEFECTIVE) {
                Handover.Item item = p.itemId() == null ? null : items.get(p.itemId());
                if (item == null) {
                    problems.add(field + "itemId", "unknownItem");
                    continue;
                }
                code = item.code();
            } else if (code == null) {
                problems.add(field + "code", "required");
                continue;
            }
            String text = p.note() == null ? null : p.note().strip();
            if (text != null && text.length() > 300) {
                problems.add(field + "note", "maxLength", 300);
            }
            if (p.kind() == ProblemKind.DEFECTIVE && (text == null || text.isEmpty())) {
                problems.add(field + "note", "defectNeedsNote");
            }
            clean.add(new Problem(
                    code,
                    p.kind() == ProblemKind.DEFECTIVE ? p.itemId() : null,
                    p.kind(),
                    text == null || text.isEmpty() ? null : text));
        }
        String cleanNote = note(note, problems);
        // The state first, then the input: nothing is saved.
        handover.reject(clean, cleanNote, person(), clock.instant(), currentUser.ref());
        problems.throwIfAny();
        saveAndPublish(handover);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "handover.reject")
                .target("handover", id)
                .detail("case", handover.caseId())
                .detail("round", handover.round())
                .detail("problems", clean.size()));
    }

    /** Withdraws a bundle that was never delivered. */
    @Transactional
    public void cancel(HandoverId id, int version) {
        Handover handover = senderCommand(id, version);
        handover.cancel(clock.instant());
        saveAndPublish(handover);
        audit.record(AuditEntry.of(AuditCategory.CASE_CHANGE, "handover.cancel")
                .target("handover", id)
                .detail("case", handover.caseId()));
    }

    // Queries

    /** A handover for a reader entitled to it, or 404. */
    @Transactional(readOnly = true)
    public HandoverView view(HandoverId id) {
        HandoverView view = handovers.view(id).orElseThrow(TongxinException::notFound);
        if (!visible(view, roles(view.caseId()))) {
            throw TongxinException.notFound();
        }
        return view;
    }

    /** Whether the reader may open the handover (never throws: for screens deciding what to list). */
    @Transactional(readOnly = true)
    public boolean mayRead(HandoverId id) {
        return handovers
                .view(id)
                .map(v -> visible(v, cases.decision(v.caseId())))
                .orElse(false);
    }

    /** The handovers of a case the reader may see (404 when the case is not theirs), oldest first. */
    @Transactional(readOnly = true)
    public List<HandoverView> ofCase(CaseId caseId) {
        CaseAccessDecision decision = cases.access(caseId);
        return handovers.ofCase(caseId).stream()
                .filter(v -> visible(v, decision))
                .toList();
    }

    /** For the system (procedure listeners): the handover without an access check. */
    @Transactional(readOnly = true)
    public Optional<HandoverView> find(HandoverId id) {
        return handovers.view(id);
    }

    /** For the system: the handovers of a case. */
    @Transactional(readOnly = true)
    public List<HandoverView> findOfCase(CaseId caseId) {
        return handovers.ofCase(caseId);
    }

    /** Copies (抄送) the caller's agency received, newest first. */
    @Transactional(readOnly = true)
    public PageResult<HandoverSummary> copiesToMe(PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return handovers.copiedTo(currentUser.get().agency(), page);
    }

    /** Deliveries the caller's agency must answer (receipt or reject), oldest first. */
    @Transactional(readOnly = true)
    public PageResult<HandoverSummary> awaitingMyAnswer(PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return handovers.awaitingAnswer(currentUser.get().agency(), page);
    }

    /**
     * Deliveries the caller's agency must receipt (those whose procedure requires a receipt, {@link
     * HandoverKind#receiptRequired()}), oldest first, with their exact number.
     */
    @Transactional(readOnly = true)
    public PageResult<HandoverSummary> awaitingMyReceipt(PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return handovers.awaitingReceipt(currentUser.get().agency(), RECEIPT_REQUIRED, page);
    }

    /**
     * Requests delivered to the caller's agency that ask it to act (a request to assist the search for a subject who lost
     * contact, 失联协查: the police answer it), oldest first, with their exact number. They need no receipt by law, but
     * they are the receiver's work until it answers them (receipt or return).
     */
    @Transactional(readOnly = true)
    public PageResult<HandoverSummary> requestsToMe(PageQuery page) {
        if (!currentUser.get().worksCases()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        return handovers.awaitingReceipt(
                currentUser.get().agency(), EnumSet.of(HandoverKind.LOST_CONTACT_ASSISTANCE), page);
    }

    private static final Set<HandoverKind> RECEIPT_REQUIRED =
            EnumSet.copyOf(java.util.Arrays.stream(HandoverKind.values())
                    .filter(HandoverKind::receiptRequired)
                    .toList());

    /**
     * A document of the bundle (or its receipt) for a reader of the handover, by the one document rule of the case
     * ({@link CaseDocumentAccess}: an escalation organ or the coordination office sees the handover, not its documents);
     * the read is audited there.
     */
    @Transactional
    public Attachment content(HandoverId id, UUID documentId) {
        HandoverView view = view(id);
        boolean belongs = view.items().stream().anyMatch(i -> documentId.equals(i.documentId()))
                || documentId.equals(view.receiptDocumentId());
        if (!belongs) {
            throw TongxinException.notFound();
        }
        CaseDocumentAccess.Opened opened = documentAccess.open(
                view.caseId(), DocumentId.of(documentId), "handover.document.read", "handover", Map.of("handover", id));
        return new Attachment(opened.fileName(), opened.contentType(), opened.content());
    }

    /**
     * Uploads a file for a case (to list as an item of a bundle): for a party of the case entitled to its documents
     * (404 without a lawful role, 403 with another one). The upload is checked by the document module (allow-listed
     * types, size, content matching the type) and audited there.
     */
    @Transactional
    public DocumentInfo attach(CaseId caseId, String fileName, String contentType, java.io.InputStream content) {
        CaseAccessDecision decision = cases.access(caseId);
        if (!decision.holdsAny(CaseDirectory.PROTECTED_FIELDS)) {
            throw TongxinException.forbidden("NO_RIGHT_TO_ATTACH");
        }
        DocumentId id = documents.upload(caseId.value(), fileName, contentType, content);
        return documents.info(id).orElseThrow();
    }

    /** A document's bytes with its name and type, for a download. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    // Helpers

    /** Saves a changed handover read at the caller's version (checked on loading); 409 when it changed since. */
    private void saveAndPublish(Handover handover) {
        if (!handovers.save(handover)) {
            throw TongxinException.staleVersion();
        }
        handover.pullEvents().forEach(events::publishEvent);
    }

    private void auditDelivery(Handover h) {
        audit.record(
                AuditEntry.of(AuditCategory.CASE_CHANGE, h.round() == 1 ? "handover.deliver" : "handover.supplement")
                        .target("handover", h.id())
                        .detail("case", h.caseId())
                        .detail("round", h.round()));
    }

    /** The sending agency's command: 404 for anyone without a part in it, 403 for the receiver and the copy recipients. */
    private Handover senderCommand(HandoverId id, int version) {
        Handover h = handovers.find(id).orElseThrow(TongxinException::notFound);
        AgencyId mine = currentUser.get().agency();
        if (!h.sender().equals(mine)) {
            if (h.receiver().equals(mine) && h.status() != HandoverStatus.PREPARED || h.copiedTo(mine)) {
                throw TongxinException.forbidden("NOT_SENDER");
            }
            throw TongxinException.notFound();
        }
        if (h.version() != version) {
            throw TongxinException.staleVersion();
        }
        return h;
    }

    /**
     * The receiving agency's command once the bundle was delivered to it: 404 for anyone without a part in it, 403 for the
     * sender and the copy recipients.
     */
    private Handover receiverCommand(HandoverId id, int version) {
        Handover h = handovers.find(id).orElseThrow(TongxinException::notFound);
        AgencyId mine = currentUser.get().agency();
        if (!h.receiver().equals(mine) || h.status() == HandoverStatus.PREPARED) {
            if (h.sender().equals(mine) || h.copiedTo(mine) && h.status() != HandoverStatus.PREPARED) {
                throw TongxinException.forbidden("NOT_RECEIVER");
            }
            throw TongxinException.notFound();
        }
        if (h.version() != version) {
            throw TongxinException.staleVersion();
        }
        return h;
    }

    /** The caller, as a round records who delivered or answered it. */
    private Handover.Person person() {
        TongxinPrincipal me = currentUser.get();
        return new Handover.Person(me.userId(), displayName(me));
    }

    /**
     * Sender, receiver and copy recipients see a delivered handover, and so does every party of the case whose role is
     * in its audience (the assigned office sees the documents its county agency received; the escalation organ and
     * the coordination office see what was brought to them): the same readers as its timeline entries.
     */
    private boolean visible(HandoverView view, CaseAccessDecision roles) {
        if (view.status() == HandoverStatus.CANCELLED) {
            return false;
        }
        AgencyId mine = currentUser.find().map(TongxinPrincipal::agency).orElse(null);
        if (mine == null) {
            return false;
        }
        if (view.senderAgencyId().equals(mine)) {
            return true;
        }
        if (view.status() == HandoverStatus.PREPARED) {
            return false;
        }
        return view.receiverAgencyId().equals(mine)
                || view.copies().stream().anyMatch(c -> c.agencyId().equals(mine))
                || roles.holdsAny(view.audience());
    }

    private CaseAccessDecision roles(CaseId caseId) {
        return cases.decision(caseId);
    }

    private void checkItems(CaseId caseId, List<NewItem> items, String field, FieldProblems problems) {
        if (items.size() > MAX_ITEMS) {
            problems.add(field, "maxItems", MAX_ITEMS);
            return;
        }
        Set<UUID> documentIds = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            NewItem item = items.get(i);
            String prefix = field + "[" + i + "].";
            if (item == null || item.code() == null) {
                problems.add(prefix + "code", "required");
                continue;
            }
            String title = item.title() == null ? "" : item.title().strip();
            if (title.length() > 200) {
                problems.add(prefix + "title", "maxLength", 200);
            }
            if (item.documentId() != null) {
                Optional<DocumentInfo> info = documents.info(DocumentId.of(item.documentId()));
                if (info.isEmpty() || !info.get().caseId().equals(caseId.value())) {
                    problems.add(prefix + "documentId", "unknownDocument");
                } else if (!documentIds.add(item.documentId())) {
                    problems.add(prefix + "documentId", "duplicateDocument");
                }
            }
        }
    }

    /** An item without a written title is named by its kind, in Chinese as on the paper it stands for. */
    private NewItem normalised(NewItem item) {
        String title = item.title() == null || item.title().isBlank()
                ? messages.getMessage("handover.item." + item.code().name(), null, Locale.SIMPLIFIED_CHINESE)
                : item.title().strip();
        return new NewItem(item.code(), title, item.documentId());
    }

    private static String note(String note, FieldProblems problems) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > 500) {
            problems.add("note", "maxLength", 500);
        }
        return note.strip();
    }

    private Map<String, String> receiptValues(Handover h, Instant now, TongxinPrincipal me) {
        Map<String, String> values = new LinkedHashMap<>();
        AgencyView receiver = agencies.get(h.receiver());
        AgencyView sender = agencies.get(h.sender());
        values.put("agencyName", receiver.nameZh());
        values.put("decisionOrganName", sender.nameZh());
        cases.subjectForDocuments(h.caseId()).map(SubjectView::name).ifPresent(n -> values.put("subjectName", n));
        cases.facts(h.caseId()).map(CaseFacts::caseNumber).ifPresent(n -> values.put("caseNumber", n));
        HandoverView view = handovers.view(h.id()).orElseThrow();
        values.put(
                "documentsReceived",
                view.items().stream().map(HandoverView.Item::title).collect(Collectors.joining("\n")));
        values.put(
                "receivedAt",
                LocalDateTime.ofInstant(now, LegalTime.ZONE)
                        .withSecond(0)
                        .withNano(0)
                        .toString());
        values.put("receiver", displayName(me));
        values.put("contact", displayName(me));
        if (receiver.phone() != null) {
            values.put("contactPhone", receiver.phone());
        }
        values.put(
                "documentNumber", numbers.next(receiver.id().value(), receiver.abbreviation(), LegalTime.dateOf(now)));
        values.put("issueDate", LegalTime.dateOf(now).toString());
        return values;
    }

    private static String displayName(TongxinPrincipal me) {
        return me.displayName() == null ? me.username() : me.displayName();
    }

    /** For the case pages: whether the caller's agency is the sender of a handover. */
    public boolean isSender(HandoverView view) {
        return currentUser
                .find()
                .map(p -> view.senderAgencyId().equals(p.agency()))
                .orElse(false);
    }

    /** For the case pages: whether the caller's agency must answer a handover. */
    public boolean isReceiver(HandoverView view) {
        return currentUser
                .find()
                .map(p -> view.receiverAgencyId().equals(p.agency()))
                .orElse(false);
    }

    /** The audience helper for callers: every participation of these kinds sees the handover. */
    public static Set<Participation> audience(Participation... participations) {
        Set<Participation> set = EnumSet.noneOf(Participation.class);
        set.addAll(List.of(participations));
        set.addAll(OVERSIGHT);
        return set;
    }
}
