package org.tongxin.procedure.web;

import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.document.DocumentId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.procedure.CaseDocuments;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.web.CaseForms.AnnounceForm;
import org.tongxin.procedure.web.CaseForms.DecideForm;
import org.tongxin.procedure.web.CaseForms.DeliveryForm;
import org.tongxin.procedure.web.CaseForms.MissingForm;
import org.tongxin.procedure.web.CaseForms.OfficeForm;
import org.tongxin.procedure.web.CaseForms.OpinionForm;
import org.tongxin.procedure.web.CaseForms.PlanForm;
import org.tongxin.procedure.web.CaseForms.ReceiptForm;
import org.tongxin.procedure.web.CaseForms.RejectForm;
import org.tongxin.procedure.web.CaseForms.ReportForm;
import org.tongxin.procedure.web.CaseForms.TeamForm;
import org.tongxin.procedure.web.CaseForms.Versioned;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.PageCommands;

/**
 * The case workspace ({@code /cases/{id}}: the case's task list), each form on its own page
 * ({@code /cases/{id}/tasks/{task}}), and every action. Each action POSTs, runs one façade command, waits briefly for
 * its own reactions (the obligations it opens or closes) and redirects to the case. A refusal shows the form's page
 * again, current, with the refused form and its messages by the fields; a stale version says so in words (409), never
 * as an error page.
 */
@Controller
@CaseUser
class CasePages {

    private final CaseWorkspace workspace;
    private final CaseManagement caseManagement;
    private final Intake intake;
    private final Handovers handovers;
    private final CaseDocuments documents;
    private final PageCommands commands;
    private final Clock clock;

    CasePages(
            CaseWorkspace workspace,
            CaseManagement caseManagement,
            Intake intake,
            Handovers handovers,
            CaseDocuments documents,
            PageCommands commands,
            Clock clock) {
        this.clock = clock;
        this.workspace = workspace;
        this.caseManagement = caseManagement;
        this.intake = intake;
        this.handovers = handovers;
        this.documents = documents;
        this.commands = commands;
    }

    @GetMapping("/cases/{id}")
    String workspace(@PathVariable UUID id, Model model) {
        workspace.fill(CaseId.of(id), model, null, null);
        return "procedure/case";
    }

    /**
     * One form of the case on its own page, reached from its task: 404 for an unknown form or a reader without a
     * lawful role in the case, 403 for a reader whose agency and role may not use it now.
     */
    @GetMapping("/cases/{id}/tasks/{task}")
    String task(@PathVariable UUID id, @PathVariable String task, Model model) {
        if (!CaseTasks.FORMS.contains(task)) {
            throw TongxinException.notFound();
        }
        workspace.fill(CaseId.of(id), model, null, null);
        return taskPage(task, model);
    }

    /**
     * Where a step of the case is done, for links from outside the case page (the work page, an inbox line): the step's
     * form page when it has one, the page of its own where it is done there (monitoring), else the case's task list. The
     * page it leads to decides who may see it.
     */
    @GetMapping("/cases/{id}/steps/{stepId}")
    String step(@PathVariable UUID id, @PathVariable String stepId) {
        String form = CaseTasks.FORM_OF_STEP.get(stepId);
        if (form == null && CaseTasks.PAGE_OF_STEP.containsKey(stepId)) {
            return "redirect:/cases/" + id + CaseTasks.PAGE_OF_STEP.get(stepId);
        }
        return form == null ? "redirect:/cases/" + id + "#tasks" : "redirect:/cases/" + id + "/tasks/" + form;
    }

    private static String taskPage(String task, Model model) {
        CaseWorkspace.Actions actions = (CaseWorkspace.Actions) model.getAttribute("actions");
        if (!CaseTasks.allowed(actions, task)) {
            throw TongxinException.forbidden("TASK_NOT_AVAILABLE");
        }
        model.addAttribute("task", task);
        CaseTasks.TaskList list = (CaseTasks.TaskList) model.getAttribute("tasks");
        model.addAttribute(
                "taskSteps",
                list.tasks().stream().filter(t -> task.equals(t.form())).toList());
        return "procedure/case-task";
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        return download(documents.content(CaseId.of(id), DocumentId.of(documentId)));
    }

    // The decision organ

    @PostMapping("/cases/{id}/decide")
    String decide(
            @PathVariable UUID id,
            @ModelAttribute DecideForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "decide",
                form,
                binding,
                model,
                redirect,
                "case.done.decide",
                () -> caseManagement.decide(
                        CaseId.of(id), form.version(), form.getDecision().data()));
    }

    @PostMapping("/cases/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @ModelAttribute Versioned form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "withdraw",
                form,
                binding,
                model,
                redirect,
                "case.done.withdraw",
                () -> caseManagement.withdraw(CaseId.of(id), form.version()));
    }

    @PostMapping("/cases/{id}/notify")
    String notifyCounty(
            @PathVariable UUID id,
            @ModelAttribute DeliveryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "notify",
                form,
                binding,
                model,
                redirect,
                "case.done.notify",
                () -> intake.notifyCounty(CaseId.of(id), form.request()));
    }

    @PostMapping("/cases/{id}/deliver")
    String deliver(
            @PathVariable UUID id,
            @ModelAttribute DeliveryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "deliver",
                form,
                binding,
                model,
                redirect,
                "case.done.deliver",
                () -> intake.deliverDocuments(CaseId.of(id), form.request()));
    }

    // The county agency

    @PostMapping("/cases/{id}/opinion")
    String opinion(
            @PathVariable UUID id,
            @ModelAttribute OpinionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "opinion",
                form,
                binding,
                model,
                redirect,
                "case.done.opinion",
                () -> intake.submitOpinion(CaseId.of(id), form.request()));
    }

    @PostMapping("/cases/{id}/report")
    String report(
            @PathVariable UUID id,
            @ModelAttribute ReportForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "report",
                form,
                binding,
                model,
                redirect,
                "case.done.report",
                () -> caseManagement.recordArrival(
                        CaseId.of(id), form.version(), false, CaseForms.instant(form.getArrivedAt())));
    }

    @PostMapping("/cases/{id}/office")
    String office(
            @PathVariable UUID id,
            @ModelAttribute OfficeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "office",
                form,
                binding,
                model,
                redirect,
                "case.done.office",
                () -> caseManagement.assignOffice(
                        CaseId.of(id),
                        form.version(),
                        form.getOfficeId() == null ? null : AgencyId.of(form.getOfficeId())));
    }

    @PostMapping("/cases/{id}/register")
    String register(
            @PathVariable UUID id,
            @ModelAttribute Versioned form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "register",
                form,
                binding,
                model,
                redirect,
                "case.done.register",
                () -> caseManagement.register(CaseId.of(id), form.version()));
    }

    @PostMapping("/cases/{id}/missing")
    String missing(
            @PathVariable UUID id,
            @ModelAttribute MissingForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "missing",
                form,
                binding,
                model,
                redirect,
                "case.done.missing",
                () -> intake.notifyMissing(CaseId.of(id), form.request()));
    }

    // The prison, detention centre or police

    @PostMapping("/cases/{id}/transfer")
    String transfer(
            @PathVariable UUID id,
            @ModelAttribute DeliveryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "transfer",
                form,
                binding,
                model,
                redirect,
                "case.done.transfer",
                () -> intake.transferSubject(CaseId.of(id), form.request()));
    }

    // The county agency or the judicial office it entrusts

    @PostMapping("/cases/{id}/team")
    String team(
            @PathVariable UUID id,
            @ModelAttribute TeamForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "team",
                form,
                binding,
                model,
                redirect,
                "case.done.team",
                () -> caseManagement.formTeam(CaseId.of(id), form.version(), form.request(null)));
    }

    @PostMapping("/cases/{id}/plan")
    String plan(
            @PathVariable UUID id,
            @ModelAttribute PlanForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "plan",
                form,
                binding,
                model,
                redirect,
                "case.done.plan",
                () -> caseManagement.makePlan(CaseId.of(id), form.version(), form.getContent()));
    }

    @PostMapping("/cases/{id}/announce")
    String announce(
            @PathVariable UUID id,
            @ModelAttribute AnnounceForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                "announce",
                form,
                binding,
                model,
                redirect,
                "case.done.announce",
                () -> caseManagement.announce(CaseId.of(id), form.version(), form.request(clock.instant())));
    }

    // Handovers of the case: the receiver answers, the sender supplements

    @PostMapping("/cases/{id}/handovers/{handoverId}/receipt")
    String receipt(
            @PathVariable UUID id,
            @PathVariable UUID handoverId,
            @RequestParam(required = false) String from,
            @ModelAttribute ReceiptForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        HandoverView h = handoverOf(id, handoverId);
        if (h.kind() == HandoverKind.SUBJECT_TRANSFER) {
            // Receiving a transferred subject is their arrival as well: the procedure does both at once.
            return receive(id, handoverId, from, form, binding, model, redirect);
        }
        return act(
                id,
                h,
                from,
                "receipt",
                form,
                binding,
                model,
                redirect,
                "case.done.receipt",
                () -> handovers.receipt(h.id(), form.version(), form.getNote()));
    }

    @PostMapping("/cases/{id}/handovers/{handoverId}/receive")
    String receive(
            @PathVariable UUID id,
            @PathVariable UUID handoverId,
            @RequestParam(required = false) String from,
            @ModelAttribute ReceiptForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        HandoverView h = handoverOf(id, handoverId);
        return act(
                id,
                h,
                from,
                "receive",
                form,
                binding,
                model,
                redirect,
                "case.done.receive",
                () -> intake.receiveTransfer(h.id(), form.version()));
    }

    @PostMapping("/cases/{id}/handovers/{handoverId}/reject")
    String reject(
            @PathVariable UUID id,
            @PathVariable UUID handoverId,
            @RequestParam(required = false) String from,
            @ModelAttribute RejectForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        HandoverView h = handoverOf(id, handoverId);
        return act(
                id,
                h,
                from,
                "reject",
                form,
                binding,
                model,
                redirect,
                "case.done.reject",
                () -> handovers.reject(h.id(), form.version(), form.request(), form.getNote()));
    }

    @PostMapping("/cases/{id}/handovers/{handoverId}/supplement")
    String supplement(
            @PathVariable UUID id,
            @PathVariable UUID handoverId,
            @RequestParam(required = false) String from,
            @ModelAttribute DeliveryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        HandoverView h = handoverOf(id, handoverId);
        return act(
                id,
                h,
                from,
                "supplement",
                form,
                binding,
                model,
                redirect,
                "case.done.supplement",
                () -> handovers.supplement(
                        h.id(), form.version(), CaseForms.items(form.getItems()), CaseForms.blank(form.getNote())));
    }

    // Helpers

    /** A handover of this case the reader sees (else 404, also when it belongs to another case). */
    private HandoverView handoverOf(UUID caseId, UUID handoverId) {
        HandoverView h = handovers.view(HandoverId.of(handoverId));
        if (!h.caseId().value().equals(caseId)) {
            throw TongxinException.notFound();
        }
        return h;
    }

    private String act(
            UUID id,
            String key,
            Object form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            String done,
            Runnable command) {
        return run(CaseId.of(id), null, null, key, form, binding, model, redirect, done, command);
    }

    private String act(
            UUID id,
            HandoverView h,
            String from,
            String action,
            Object form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            String done,
            Runnable command) {
        return run(CaseId.of(id), h, from, action + "-" + h.id(), form, binding, model, redirect, done, command);
    }

    private String run(
            CaseId id,
            HandoverView h,
            String from,
            String key,
            Object form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            String done,
            Runnable command) {
        boolean backToHandover = h != null && "handover".equals(from);
        return commands.run(command)
                .bound(binding)
                .notice(done)
                .form(key)
                .stale("case.stale")
                .passOn(PageCommands.ACCESS)
                .redirectOr(backToHandover ? "/handovers/" + h.id() : "/cases/" + id, model, redirect, () -> {
                    if (h != null) {
                        // A handover's forms live on the handover's page: a refused one comes back there, with its
                        // messages.
                        workspace.fillHandover(h.id(), model, key, form);
                        return "procedure/handover";
                    }
                    workspace.fill(id, model, key, form);
                    CaseWorkspace.Actions actions = (CaseWorkspace.Actions) model.getAttribute("actions");
                    if (!CaseTasks.allowed(actions, key)) {
                        // The form is no longer offered (someone else did the step): the case page says what happened.
                        return "procedure/case";
                    }
                    return taskPage(key, model);
                });
    }

    static ResponseEntity<byte[]> download(Handovers.Attachment file) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
