package org.tongxin.agency.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyManagement;
import org.tongxin.agency.AgencyQuery;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** The agency directory for everybody, and the forms with which system administrators maintain it. */
@Controller
class AgencyPages {

    private final AgencyDirectory directory;
    private final AgencyManagement management;
    private final FormFeedback feedback;
    private final PageCommands commands;

    AgencyPages(AgencyDirectory directory, AgencyManagement management, FormFeedback feedback, PageCommands commands) {
        this.directory = directory;
        this.management = management;
        this.feedback = feedback;
        this.commands = commands;
    }

    @AnyAuthenticatedUser
    @GetMapping("/agencies")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) AgencyType type,
            @RequestParam(required = false) AgencyLevel level,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        PageQuery query = PageQuery.of(page, null, sort, AgencyDirectory.SORTABLE, "code");
        Boolean activeFilter = active == null ? Boolean.TRUE : active;
        PageResult<AgencyView> result =
                directory.search(new AgencyQuery(q, type, level, null, division, activeFilter), query);
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute("typeFilter", type);
        model.addAttribute("levelFilter", level);
        model.addAttribute("divisionFilter", division);
        model.addAttribute("activeFilter", activeFilter);
        model.addAttribute("sort", query.sortParameter());
        model.addAttribute("types", AgencyType.values());
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute(
                "divisionNames", divisionNames(result.items().stream().map(AgencyView::divisionCode)));
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/agencies")
                                .queryParamIfPresent("q", opt(q))
                                .queryParamIfPresent("type", opt(type))
                                .queryParamIfPresent("level", opt(level))
                                .queryParamIfPresent("division", opt(division))
                                .queryParam("active", activeFilter)
                                .queryParam("sort", query.sortParameter())
                                .build()
                                .toUriString()
                        + "&");
        return "agency/list";
    }

    @AnyAuthenticatedUser
    @GetMapping("/agencies/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AgencyView agency = directory.get(AgencyId.of(id));
        model.addAttribute("agency", agency);
        model.addAttribute(
                "parent",
                agency.parentId() == null
                        ? null
                        : directory.find(agency.parentId()).orElse(null));
        model.addAttribute("children", directory.children(agency.id()));
        model.addAttribute("division", directory.division(agency.divisionCode()).orElse(null));
        model.addAttribute("jurisdictions", directory.divisions(agency.jurisdictions()));
        List<AgencyView> breadcrumbs = new java.util.ArrayList<>(directory.ancestors(agency.id()));
        java.util.Collections.reverse(breadcrumbs);
        model.addAttribute("breadcrumbs", breadcrumbs);
        return "agency/detail";
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/admin/agencies/new")
    String newForm(@RequestParam(required = false) UUID parent, Model model) {
        AgencyForm form = new AgencyForm();
        if (parent != null) {
            directory.find(AgencyId.of(parent)).ifPresent(p -> {
                form.setParentId(p.id().value());
                form.setDivisionCode(p.divisionCode());
            });
        }
        return form(form, null, model);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/agencies")
    String create(
            @ModelAttribute("form") AgencyForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return rejected(form, null, binding, model);
        }
        return commands.make(() -> management.register(form.draft()))
                .notice("agency.created")
                .redirectOr(id -> "/agencies/" + id, model, redirect, () -> form(form, null, model));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/admin/agencies/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        AgencyView agency = directory.get(AgencyId.of(id));
        return form(AgencyForm.of(agency), agency, model);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/agencies/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") AgencyForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        AgencyView agency = directory.get(AgencyId.of(id));
        if (binding.hasErrors()) {
            return rejected(form, agency, binding, model);
        }
        return commands.run(() -> management.update(
                        agency.id(), form.getVersion() == null ? -1 : form.getVersion(), form.draft()))
                .notice("agency.saved")
                .redirectOr("/agencies/" + id, model, redirect, () -> form(form, agency, model));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/agencies/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect, Model model) {
        return setActive(id, version, false, redirect, model);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/agencies/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect, Model model) {
        return setActive(id, version, true, redirect, model);
    }

    private String setActive(UUID id, int version, boolean active, RedirectAttributes redirect, Model model) {
        return commands.run(() -> management.setActive(AgencyId.of(id), version, active))
                .notice(active ? "agency.activated" : "agency.deactivated")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/agencies/" + id, model, redirect, () -> detail(id, model));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/admin/divisions/new")
    String divisionForm(@RequestParam(required = false) String parent, Model model) {
        model.addAttribute("parentCode", parent);
        return "agency/division-form";
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/divisions")
    String addDivision(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String nameZh,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String parentCode,
            Model model,
            RedirectAttributes redirect) {
        try {
            management.addDivision(new Division(code, nameZh, nameEn, null, parentCode));
            redirect.addFlashAttribute("notice", feedback.message("division.created"));
            return "redirect:/agencies";
        } catch (TongxinException e) {
            feedback.apply(e, model);
            model.addAttribute("code", code);
            model.addAttribute("nameZh", nameZh);
            model.addAttribute("nameEn", nameEn);
            model.addAttribute("parentCode", parentCode);
            return "agency/division-form";
        }
    }

    /** Type conversion failures (a tampered select) become field problems like any other. */
    private String rejected(AgencyForm form, AgencyView agency, BindingResult binding, Model model) {
        List<FieldProblem> problems = binding.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), "type"))
                .toList();
        feedback.apply(TongxinException.invalid(problems), model);
        return form(form, agency, model);
    }

    private String form(AgencyForm form, AgencyView agency, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("agency", agency);
        model.addAttribute("types", AgencyType.values());
        model.addAttribute("levels", AgencyLevel.values());
        model.addAttribute(
                "parents",
                directory.listActive().stream()
                        .filter(a -> agency == null || !a.id().equals(agency.id()))
                        .toList());
        return "agency/form";
    }

    private Map<String, String> divisionNames(Stream<String> codes) {
        return directory.divisions(codes.collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Division::code, Division::localName));
    }

    private static Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? Optional.empty() : Optional.of(value);
    }
}
