package org.tongxin.procedure.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.ArrivalState;
import org.tongxin.casefile.CaseData;
import org.tongxin.casefile.CaseData.TeamRole;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseView;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.DocumentsState;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.SubjectChanges;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverStatus;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.exchange.ProblemKind;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Participation;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.obligation.ObligationLedger;
import org.tongxin.obligation.ObligationView;
import org.tongxin.policy.ProcedureStep;
import org.tongxin.procedure.CaseDocuments;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.procedure.web.CaseForms.DecideForm;
import org.tongxin.procedure.web.CaseForms.DeliveryForm;
import org.tongxin.procedure.web.CaseForms.ItemRow;
import org.tongxin.procedure.web.CaseForms.MemberRow;
import org.tongxin.procedure.web.CaseForms.ReceiptForm;
import org.tongxin.procedure.web.CaseForms.RejectForm;
import org.tongxin.procedure.web.CaseForms.TeamForm;
import org.tongxin.procedure.web.CaseForms.Versioned;

/**
 * Puts a case page together for one reader: the case as they may see it, its obligations with their legal due dates
 * and bases, its handovers with items, rounds, rejections and copies, its documents and timeline, and the forms of
 * exactly the actions this reader's agency and role may take now. The façades decide access; this only decides
 * which forms to offer.
 */
@Component
class CaseWorkspace {

    static final Set<Role> DECIDERS = EnumSet.of(Role.COURT_CLERK, Role.JUDGE, Role.POLICE_OFFICER);
    static final Set<Role> COUNTY = Role.COUNTY;
    static final Set<Role> TEAM = Role.CORRECTION_STAFF;
    static final Set<Role> INSTITUTION = EnumSet.of(Role.PRISON_OFFICER, Role.POLICE_OFFICER);

    /** Pending first (overdue, open, paused; each by due time), then what is done, in the order it started. */
    static final java.util.Comparator<ObligationView> PENDING_FIRST = java.util.Comparator.comparing(
                    (ObligationView o) -> o.closed())
            .thenComparing(o -> o.closed()
                    ? 0
                    : switch (o.status()) {
                        case OVERDUE -> 0;
                        case OPEN -> 1;
                        default -> 2;
                    })
            .thenComparing(o -> o.closed() ? o.startedAt() : (o.dueAt() == null ? java.time.Instant.MAX : o.dueAt()));

    private final CaseDirectory cases;
    private final ObligationLedger ledger;
    private final org.tongxin.obligation.Inboxes inboxes;
    private final Handovers handovers;
    private final CaseDocuments documents;
    private final AgencyDirectory agencies;
    private final CaseOptions options;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SubjectChanges subjectChanges;

    CaseWorkspace(
            CaseDirectory cases,
            ObligationLedger ledger,
            org.tongxin.obligation.Inboxes inboxes,
            Handovers handovers,
            CaseDocuments documents,
            AgencyDirectory agencies,
            CaseOptions options,
            CurrentUser currentUser,
            Clock clock,
            SubjectChanges subjectChanges) {
        this.subjectChanges = subjectChanges;
        this.cases = cases;
        this.ledger = ledger;
        this.inboxes = inboxes;
        this.handovers = handovers;
        this.documents = documents;
        this.agencies = agencies;
        this.options = options;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** An obligation of the case with its step as its policy version defines it. */
    public record ObligationRow(ObligationView obligation, ProcedureStep step) {}

    /** A handover with what this reader may do with it now. */
    public record HandoverRow(
            HandoverView handover,
            boolean sender,
            boolean toAnswer,
            boolean toSupplement,
            boolean transfer,
            Map<UUID, String> itemTitles,
            List<Choice> rejectChoices) {

        public String key(String action) {
            return action + "-" + handover.id();
        }
    }

    /** A problem a rejection may name: a defective item that came ({@code subject} = its title) or a missing kind. */
    public record Choice(String value, ProblemKind kind, String subject) {}

    /** What the reader may do on the case now (the façades check again). */
    public record Actions(
            boolean decide,
            boolean notifyCounty,
            boolean deliver,
            boolean opinion,
            boolean report,
            boolean office,
            boolean register,
            boolean registerPending,
            boolean missing,
            boolean transfer,
            boolean team,
            boolean plan,
            boolean announce,
            boolean answers,
            boolean supplements) {

        public boolean any() {
            return decide
                    || notifyCounty
                    || deliver
                    || opinion
                    || report
                    || office
                    || register
                    || missing
                    || transfer
                    || team
                    || plan
                    || announce
                    || answers
                    || supplements;
        }
    }

    /** The case page's model. {@code submitted} is the refused form (by its key), shown again with its messages. */
    CaseView fill(CaseId id, Model model, String activeKey, Object submitted) {
        CaseView c = cases.view(id, "case/workspace");
        TongxinPrincipal me = currentUser.get();
        // The case's obligations as its reader may see them (a party that sees only its own part: its own; ADR 0021).
        List<ObligationView> obligations = inboxes.ofCase(id);
        List<HandoverView> visible = handovers.ofCase(id);
        List<CaseData.TeamMember> team =
                c.status() == CaseStatus.UNDER_CORRECTION || c.registeredAt() != null ? cases.team(id) : List.of();

        Set<AgencyId> ids = new HashSet<>(c.agencyIds());
        obligations.forEach(
                o -> Collections.addAll(ids, o.owingAgencyId(), o.counterpartyAgencyId(), o.waitingForAgencyId()));
        visible.forEach(h -> {
            Collections.addAll(ids, h.senderAgencyId(), h.receiverAgencyId());
            h.copies().forEach(copy -> ids.add(copy.agencyId()));
        });
        team.forEach(m -> ids.add(m.agencyId()));
        ids.remove(null);
        Map<UUID, String> names = agencies.findAll(ids).values().stream()
                .collect(Collectors.toMap(a -> a.id().value(), AgencyView::localName, (a, b) -> a));

        boolean decider = c.access().holds(Participation.DECISION_ORGAN) && has(me, DECIDERS);
        boolean county = c.access().holds(Participation.EXECUTING_AGENCY) && has(me, COUNTY);
        boolean teamRole =
                (c.access().holds(Participation.EXECUTING_AGENCY) || c.access().holds(Participation.ASSIGNED_OFFICE))
                        && has(me, TEAM);
        boolean institution = c.access().holds(Participation.HANDOVER_INSTITUTION) && has(me, INSTITUTION);

        List<HandoverRow> rows = visible.stream().map(h -> row(h, c.status())).toList();
        boolean intake = c.status() == CaseStatus.INTAKE;
        boolean intakeOrAfter = intake || c.status() == CaseStatus.UNDER_CORRECTION;
        boolean underCorrection = c.status() == CaseStatus.UNDER_CORRECTION;
        boolean arrived = c.arrivalState() == ArrivalState.REPORTED || c.arrivalState() == ArrivalState.TRANSFERRED;
        Actions actions = new Actions(
                decider && c.status() == CaseStatus.ASSESSING,
                decider
                        && intakeOrAfter
                        && none(visible, HandoverKind.EXECUTION_NOTICE)
                        && none(visible, HandoverKind.LEGAL_DOCUMENTS),
                decider && intakeOrAfter && none(visible, HandoverKind.LEGAL_DOCUMENTS),
                county && c.status() == CaseStatus.ASSESSING && none(visible, HandoverKind.ASSESSMENT_OPINION),
                county
                        && intake
                        && c.correctionType() != null
                        && c.correctionType().reportsInPerson()
                        && !arrived,
                county && intakeOrAfter,
                county && intake && arrived && c.documentsState() == DocumentsState.RECEIPTED,
                county && intake && !(arrived && c.documentsState() == DocumentsState.RECEIPTED),
                county && c.arrivalState() == ArrivalState.MISSING && none(visible, HandoverKind.MISSING_NOTICE),
                institution && intake && none(visible, HandoverKind.SUBJECT_TRANSFER),
                teamRole && underCorrection,
                teamRole && underCorrection,
                teamRole && underCorrection && c.announcedAt() == null,
                rows.stream().anyMatch(HandoverRow::toAnswer),
                rows.stream().anyMatch(HandoverRow::toSupplement));

        Map<String, Object> forms = defaults(c, rows, team);
        if (activeKey != null && submitted != null) {
            if (submitted instanceof Versioned v) {
                // Shown again on the current state: the next submission acts on what the page now shows.
                v.setVersion(versionFor(activeKey, c, rows));
            }
            forms.put(activeKey, submitted);
        }

        model.addAttribute("c", c);
        model.addAttribute("names", names);
        List<ObligationRow> obligationRows = obligations.stream()
                .sorted(PENDING_FIRST)
                .map(o -> new ObligationRow(o, ledger.step(o)))
                .toList();
        model.addAttribute("obligations", obligationRows);
        model.addAttribute("tasks", CaseTasks.of(id.value(), me.agencyId(), obligationRows, actions, rows));
        model.addAttribute(
                "pendingObligations",
                obligations.stream().filter(o -> !o.closed()).count());
        model.addAttribute("handovers", rows);
        model.addAttribute("timeline", cases.timeline(id));
        model.addAttribute("subjectChanges", subjectChanges.pendingAbout(id));
        List<CaseDocuments.CaseDocument> readable = documents.readable(id);
        model.addAttribute("documents", readable);
        Map<UUID, String> links = new HashMap<>();
        readable.forEach(d -> links.put(
                d.info().id().value(), "/cases/" + id + "/documents/" + d.info().id()));
        model.addAttribute("docLinks", links);
        model.addAttribute("team", team);
        model.addAttribute(
                "plan",
                underCorrection || c.planMadeAt() != null ? cases.latestPlan(id).orElse(null) : null);
        model.addAttribute(
                "announcement", c.announcedAt() != null ? cases.announcement(id).orElse(null) : null);
        model.addAttribute("actions", actions);
        model.addAttribute("forms", forms);
        model.addAttribute("now", clock.instant());
        model.addAttribute("correctionTypes", CorrectionType.values());
        // The places and institutions to choose from: only the decision form has them, and nationally they are
        // thousands.
        model.addAttribute("countyAgencies", actions.decide() ? options.countyAgencies() : List.of());
        model.addAttribute("institutions", actions.decide() ? options.institutions() : List.of());
        model.addAttribute("offices", actions.office() ? options.offices(c.countyAgencyId()) : List.of());
        model.addAttribute("itemCodes", ItemCode.values());
        model.addAttribute(
                "requiredItems",
                Map.of(
                        "notify",
                        HandoverKind.EXECUTION_NOTICE.required(),
                        "deliver",
                        HandoverKind.LEGAL_DOCUMENTS.required(),
                        "transfer",
                        HandoverKind.SUBJECT_TRANSFER.required()));
        model.addAttribute("teamRoles", TeamRole.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("recommendations", Recommendation.values());
        return c;
    }

    /** The handover page's model: the handover, its case as the reader sees it, and the reader's forms on it. */
    HandoverView fillHandover(HandoverId id, Model model, String activeKey, Object submitted) {
        HandoverView h = handovers.view(id);
        HandoverRow row = row(h, cases.facts(h.caseId()).map(f -> f.status()).orElse(CaseStatus.ASSESSING));
        Set<AgencyId> ids = new HashSet<>();
        Collections.addAll(ids, h.senderAgencyId(), h.receiverAgencyId());
        h.copies().forEach(copy -> ids.add(copy.agencyId()));
        Map<UUID, String> names = agencies.findAll(ids).values().stream()
                .collect(Collectors.toMap(a -> a.id().value(), AgencyView::localName, (a, b) -> a));
        Map<String, Object> forms = new HashMap<>();
        handoverForms(forms, row);
        if (activeKey != null && submitted != null) {
            if (submitted instanceof Versioned v) {
                v.setVersion(h.version());
            }
            forms.put(activeKey, submitted);
        }
        model.addAttribute("h", row);
        model.addAttribute(
                "caseSummary", cases.summaries(List.of(h.caseId()), "handover").get(h.caseId()));
        model.addAttribute("names", names);
        Map<UUID, String> links = new HashMap<>();
        h.items().stream()
                .filter(i -> i.documentId() != null)
                .forEach(i -> links.put(i.documentId(), "/handovers/" + h.id() + "/documents/" + i.documentId()));
        if (h.receiptDocumentId() != null) {
            links.put(h.receiptDocumentId(), "/handovers/" + h.id() + "/documents/" + h.receiptDocumentId());
        }
        model.addAttribute("docLinks", links);
        model.addAttribute("forms", forms);
        model.addAttribute("itemCodes", ItemCode.values());
        return h;
    }

    /** The version a refused form must carry when shown again: the case's, or its handover's. */
    private static int versionFor(String key, CaseView c, List<HandoverRow> rows) {
        for (HandoverRow row : rows) {
            if (key.endsWith(row.handover().id().toString())) {
                return row.handover().version();
            }
        }
        return c.version();
    }

    private HandoverRow row(HandoverView h, CaseStatus status) {
        boolean sender = handovers.isSender(h);
        boolean receiver = handovers.isReceiver(h);
        Map<UUID, String> titles = new LinkedHashMap<>();
        h.items().forEach(i -> titles.put(i.id(), i.title()));
        List<Choice> choices = new ArrayList<>();
        // An assessment's letter or opinion left unanswered is moot once the case is decided: no form for it then.
        boolean moot = status != CaseStatus.ASSESSING
                && (h.kind() == HandoverKind.ASSESSMENT_ENTRUSTMENT || h.kind() == HandoverKind.ASSESSMENT_OPINION);
        boolean toAnswer = receiver && h.status() == HandoverStatus.DELIVERED && !moot;
        if (toAnswer) {
            h.items().forEach(i -> choices.add(new Choice("DEFECTIVE:" + i.id(), ProblemKind.DEFECTIVE, i.title())));
            for (ItemCode code : ItemCode.values()) {
                choices.add(new Choice("MISSING:" + code.name(), ProblemKind.MISSING, code.name()));
            }
        }
        return new HandoverRow(
                h,
                sender,
                toAnswer,
                sender && h.status() == HandoverStatus.REJECTED,
                h.kind() == HandoverKind.SUBJECT_TRANSFER,
                titles,
                choices);
    }

    private Map<String, Object> defaults(CaseView c, List<HandoverRow> rows, List<CaseData.TeamMember> team) {
        Map<String, Object> forms = new HashMap<>();
        DecideForm decide = new DecideForm();
        decide.setVersion(c.version());
        decide.getDecision().setCaseNumber(c.caseNumber());
        forms.put("decide", decide);
        forms.put("withdraw", versioned(new Versioned(), c.version()));
        forms.put("opinion", new CaseForms.OpinionForm());
        forms.put(
                "notify",
                new DeliveryForm(CaseForms.rows(3, listed(HandoverKind.EXECUTION_NOTICE, c.correctionType()))));
        forms.put(
                "deliver",
                new DeliveryForm(CaseForms.rows(6, listed(HandoverKind.LEGAL_DOCUMENTS, c.correctionType()))));
        forms.put(
                "transfer",
                new DeliveryForm(CaseForms.rows(5, listed(HandoverKind.SUBJECT_TRANSFER, c.correctionType()))));
        forms.put("report", versioned(new CaseForms.ReportForm(), c.version()));
        CaseForms.OfficeForm office = versioned(new CaseForms.OfficeForm(), c.version());
        office.setOfficeId(c.officeId() == null ? null : c.officeId().value());
        forms.put("office", office);
        forms.put("register", versioned(new Versioned(), c.version()));
        forms.put("missing", new CaseForms.MissingForm());
        TeamForm teamForm = versioned(new TeamForm(), c.version());
        for (int i = 0; i < team.size() && i < teamForm.getMembers().size(); i++) {
            MemberRow row = teamForm.getMembers().get(i);
            row.setName(team.get(i).name());
            row.setRole(team.get(i).role());
            row.setGender(team.get(i).gender());
        }
        forms.put("team", teamForm);
        forms.put("plan", versioned(new CaseForms.PlanForm(), c.version()));
        forms.put("announce", versioned(new CaseForms.AnnounceForm(), c.version()));
        rows.forEach(row -> handoverForms(forms, row));
        return forms;
    }

    /**
     * The documents a bundle form lists before anyone types: those the bundle must hold (it is refused without them),
     * then those the Implementation Measures (art. 16) name for a delivery of this kind of correction — the sender
     * clears a row for a document it does not send.
     */
    static ItemRow[] listed(HandoverKind kind, CorrectionType type) {
        java.util.LinkedHashSet<ItemCode> codes = new java.util.LinkedHashSet<>();
        switch (kind) {
            case LEGAL_DOCUMENTS -> {
                codes.add(ItemCode.DECISION_DOCUMENT);
                codes.add(ItemCode.EXECUTION_NOTICE);
                codes.add(ItemCode.GUARANTEE);
                if (type == CorrectionType.TEMPORARY_EXECUTION) {
                    codes.add(ItemCode.MEDICAL_ASSESSMENT);
                }
            }
            case SUBJECT_TRANSFER -> {
                codes.add(ItemCode.DECISION_DOCUMENT);
                codes.add(ItemCode.MEDICAL_ASSESSMENT);
                codes.add(ItemCode.CUSTODY_RECORD);
            }
            default -> codes.addAll(kind.required());
        }
        codes.addAll(kind.required());
        return codes.stream().map(code -> new ItemRow(code, null)).toArray(ItemRow[]::new);
    }

    private static void handoverForms(Map<String, Object> forms, HandoverRow row) {
        HandoverView h = row.handover();
        forms.put(row.key("receipt"), versioned(new ReceiptForm(), h.version()));
        forms.put(row.key("receive"), versioned(new ReceiptForm(), h.version()));
        forms.put(row.key("reject"), versioned(new RejectForm(), h.version()));
        List<ItemRow> supplement = new ArrayList<>();
        for (HandoverView.ProblemView p : h.openProblems()) {
            supplement.add(new ItemRow(
                    p.code(),
                    p.kind() == ProblemKind.DEFECTIVE ? row.itemTitles().get(p.itemId()) : null));
        }
        DeliveryForm form = new DeliveryForm(
                CaseForms.rows(Math.max(3, supplement.size() + 1), supplement.toArray(ItemRow[]::new)));
        form.setVersion(h.version());
        forms.put(row.key("supplement"), form);
    }

    private static <T extends Versioned> T versioned(T form, int version) {
        form.setVersion(version);
        return form;
    }

    private static boolean none(Collection<HandoverView> list, HandoverKind kind) {
        return list.stream().noneMatch(h -> h.kind() == kind);
    }

    private static boolean has(TongxinPrincipal me, Set<Role> roles) {
        return me.roles().stream().anyMatch(roles::contains);
    }

    private static final class Collections {
        @SafeVarargs
        static <T> void addAll(Collection<T> to, T... values) {
            for (T v : values) {
                if (v != null) {
                    to.add(v);
                }
            }
        }
    }
}
