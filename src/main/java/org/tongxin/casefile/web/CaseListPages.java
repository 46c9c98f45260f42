package org.tongxin.casefile.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyLevel;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseData.CaseSearch;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseStatus;
import org.tongxin.casefile.CaseViews.CaseSummary;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.FieldProblem;
import org.tongxin.shared.error.FieldProblems;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.CaseUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * The cases of the user's agency: every case it has a lawful role in, newest change first, with a search by name,
 * identity number, case number, status and judicial office. The search is POSTed, so that names and identity numbers
 * never appear in an address, a browser history or a server log (doc/security-requirements.md S17); minors come masked as the
 * directory returns them (S10).
 */
@Controller
@CaseUser
class CaseListPages {

    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;

    CaseListPages(CaseDirectory cases, AgencyDirectory agencies, CurrentUser currentUser, FormFeedback feedback) {
        this.cases = cases;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.feedback = feedback;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, Model model) {
        CaseSearchForm form = new CaseSearchForm();
        form.setPage(page);
        form.setSort(sort);
        return render(form, model);
    }

    @PostMapping("/cases")
    String search(@ModelAttribute("search") CaseSearchForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            List<FieldProblem> problems = binding.getFieldErrors().stream()
                    .map(f -> new FieldProblem(f.getField(), "type"))
                    .toList();
            feedback.apply(TongxinException.invalid(problems), model);
            return show(
                    new CaseSearchForm(),
                    PageQuery.of(null, null, null, CaseDirectory.SORTABLE, "-updated"),
                    model,
                    true);
        }
        return render(form, model);
    }

    private String render(CaseSearchForm form, Model model) {
        PageQuery query;
        try {
            FieldProblems problems = new FieldProblems();
            length(form.getName(), "name", 50, problems);
            length(form.getIdNumber(), "idNumber", 40, problems);
            length(form.getCaseNumber(), "caseNumber", 60, problems);
            problems.throwIfAny();
            query = PageQuery.of(form.getPage(), null, form.effectiveSort(), CaseDirectory.SORTABLE, "-updated");
        } catch (TongxinException e) {
            feedback.apply(e, model);
            return show(form, PageQuery.of(null, null, null, CaseDirectory.SORTABLE, "-updated"), model, true);
        }
        return show(form, query, model, false);
    }

    private String show(CaseSearchForm form, PageQuery query, Model model, boolean refused) {
        form.setSort(query.sortParameter());
        form.setSortBy(null);
        PageResult<CaseSummary> result = refused
                ? new PageResult<>(List.of(), 0, query.size(), 0)
                : cases.search(form.search(), query, "cases/search");
        Map<AgencyId, AgencyView> names = agencies.findAll(result.items().stream()
                .flatMap(c -> Stream.of(c.countyAgencyId(), c.officeId(), c.decisionOrganId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        model.addAttribute("search", form);
        model.addAttribute("page", result);
        model.addAttribute(
                "agencyNames",
                names.entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().value(), e -> e.getValue().localName())));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("offices", offices());
        model.addAttribute("filtered", form.filtered());
        model.addAttribute("mayOpenCases", mayOpenCases());
        return "casefile/list";
    }

    /** The judicial offices a county agency may filter by: its own. */
    private List<AgencyView> offices() {
        TongxinPrincipal me = currentUser.get();
        return agencies.find(me.agency())
                .filter(a -> a.type() == AgencyType.CORRECTION_AGENCY && a.level() == AgencyLevel.COUNTY)
                .map(a -> agencies.children(a.id()).stream()
                        .filter(c -> c.type() == AgencyType.JUDICIAL_OFFICE)
                        .toList())
                .orElse(List.of());
    }

    /** Decision organs open cases: courts, and public security at city level and above (CCL art. 17). */
    private boolean mayOpenCases() {
        TongxinPrincipal me = currentUser.get();
        boolean role = me.has(Role.COURT_CLERK) || me.has(Role.JUDGE) || me.has(Role.POLICE_OFFICER);
        return role
                && agencies.find(me.agency())
                        .map(a -> a.type().isCourt()
                                || a.type() == AgencyType.PUBLIC_SECURITY && a.level() != AgencyLevel.COUNTY)
                        .orElse(false);
    }

    private static void length(String value, String field, int max, FieldProblems problems) {
        if (value != null && value.length() > max) {
            problems.add(field, "maxLength", max);
        }
    }

    /** The search as the page posts it; {@code sortBy} is a column header's button, which replaces {@code sort}. */
    public static class CaseSearchForm {

        private String name;
        private String idNumber;
        private String caseNumber;
        private CaseStatus status;
        private UUID officeId;
        private Integer page;
        private String sort;
        private String sortBy;

        CaseSearch search() {
            return new CaseSearch(
                    blankToNull(name),
                    blankToNull(idNumber),
                    blankToNull(caseNumber),
                    status,
                    officeId == null ? null : AgencyId.of(officeId));
        }

        boolean filtered() {
            return blankToNull(name) != null
                    || blankToNull(idNumber) != null
                    || blankToNull(caseNumber) != null
                    || status != null
                    || officeId != null;
        }

        String effectiveSort() {
            return sortBy != null && !sortBy.isBlank() ? sortBy : sort;
        }

        /** The sort a column header asks for: ascending first, then the other way. */
        public String toggle(String column) {
            return sort != null && sort.equals(column) ? "-" + column : column;
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public String getCaseNumber() {
            return caseNumber;
        }

        public void setCaseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        public CaseStatus getStatus() {
            return status;
        }

        public void setStatus(CaseStatus status) {
            this.status = status;
        }

        public UUID getOfficeId() {
            return officeId;
        }

        public void setOfficeId(UUID officeId) {
            this.officeId = officeId;
        }

        public Integer getPage() {
            return page;
        }

        public void setPage(Integer page) {
            this.page = page;
        }

        public String getSort() {
            return sort;
        }

        public void setSort(String sort) {
            this.sort = sort;
        }

        public String getSortBy() {
            return sortBy;
        }

        public void setSortBy(String sortBy) {
            this.sortBy = sortBy;
        }
    }
}
