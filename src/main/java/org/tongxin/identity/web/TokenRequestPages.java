package org.tongxin.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.identity.internal.ApiOperations;
import org.tongxin.identity.internal.SelfService;
import org.tongxin.identity.internal.SystemTokenPolicy;
import org.tongxin.identity.internal.SystemTokenRequest;
import org.tongxin.identity.internal.SystemTokenRequests;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Pages of the two-person system tokens: a head of an agency requests a token for it and, once issued, collects it
 * (shown once); the security administrator issues or refuses the requests of every agency. A refused form comes back
 * with the reasons next to the fields.
 */
@Controller
class TokenRequestPages {

    private final SystemTokenRequests requests;
    private final ApiOperations operations;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;
    private final PageCommands commands;

    TokenRequestPages(
            SystemTokenRequests requests,
            ApiOperations operations,
            AgencyDirectory agencies,
            CurrentUser currentUser,
            FormFeedback feedback,
            PageCommands commands) {
        this.requests = requests;
        this.operations = operations;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.feedback = feedback;
        this.commands = commands;
    }

    @PreAuthorize(TokenRequestApi.HEADS_AND_SECURITY)
    @GetMapping("/token-requests")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        SystemTokenRequest.State filter = state(state);
        PageQuery query = PageQuery.of(page, null, sort, SystemTokenRequests.SORTABLE, "-requested");
        PageResult<SystemTokenRequests.View> result = requests.list(filter, query);
        model.addAttribute("page", result);
        model.addAttribute("stateFilter", filter);
        model.addAttribute("states", SystemTokenRequest.State.values());
        model.addAttribute("sort", query.sortParameter());
        model.addAttribute(
                "agencyNames",
                names(result.items().stream()
                        .map(SystemTokenRequests.View::agencyId)
                        .collect(Collectors.toSet())));
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/token-requests")
                                .queryParamIfPresent("state", java.util.Optional.ofNullable(filter))
                                .queryParam("sort", query.sortParameter())
                                .build()
                                .toUriString()
                        + "&");
        return "identity/token-requests";
    }

    @PreAuthorize(TokenRequestApi.HEADS)
    @GetMapping("/token-requests/new")
    String form(Model model) {
        fillForm(model);
        model.addAttribute("lifetimeDays", 90);
        return "identity/token-request-new";
    }

    @PreAuthorize(TokenRequestApi.HEADS)
    @PostMapping("/token-requests")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) List<String> operations,
            @RequestParam(required = false) Integer lifetimeDays,
            Model model,
            RedirectAttributes redirect) {
        return commands.make(() -> requests.request(new SystemTokenRequests.NewRequest(
                        name,
                        purpose,
                        roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
                        operations == null ? Set.of() : new LinkedHashSet<>(operations),
                        lifetimeDays)))
                .notice("tokenRequest.created")
                .passOn(PageCommands.FORBIDDEN)
                .redirectOr(view -> "/token-requests/" + view.id(), model, redirect, () -> {
                    fillForm(model);
                    model.addAttribute("name", name);
                    model.addAttribute("purpose", purpose);
                    model.addAttribute("chosenRoles", roles == null ? Set.of() : Set.copyOf(roles));
                    model.addAttribute("chosenOperations", operations == null ? Set.of() : Set.copyOf(operations));
                    model.addAttribute("lifetimeDays", lifetimeDays);
                    return "identity/token-request-new";
                });
    }

    @PreAuthorize(TokenRequestApi.HEADS_AND_SECURITY)
    @GetMapping("/token-requests/{id}")
    String detail(@PathVariable UUID id, Model model) {
        fillDetail(requests.get(id), model);
        return "identity/token-request";
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/token-requests/{id}/issue")
    String issue(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id, model, redirect, "tokenRequest.issued", () -> requests.issue(id, TokenRequestApi.version(version)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/token-requests/{id}/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("reason", reason);
        return act(
                id,
                model,
                redirect,
                "tokenRequest.refused",
                () -> requests.refuse(id, TokenRequestApi.version(version), reason));
    }

    @PreAuthorize(TokenRequestApi.HEADS)
    @PostMapping("/token-requests/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                model,
                redirect,
                "tokenRequest.withdrawn",
                () -> requests.withdraw(id, TokenRequestApi.version(version)));
    }

    @PreAuthorize(TokenRequestApi.HEADS)
    @PostMapping("/token-requests/{id}/collect")
    String collect(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute("collected", requests.collect(id, TokenRequestApi.version(version)));
        } catch (TongxinException e) {
            return rejected(id, e, model);
        }
        fillDetail(requests.get(id), model);
        return "identity/token-request";
    }

    private String act(UUID id, Model model, RedirectAttributes redirect, String notice, Runnable action) {
        return commands.run(action)
                .notice(notice)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/token-requests/" + id, model, redirect, () -> {
                    fillDetail(requests.get(id), model);
                    return "identity/token-request";
                });
    }

    private String rejected(UUID id, TongxinException e, Model model) {
        if (e.status().value() == 404) {
            throw e;
        }
        feedback.apply(e, model);
        fillDetail(requests.get(id), model);
        return "identity/token-request";
    }

    private void fillDetail(SystemTokenRequests.View view, Model model) {
        TongxinPrincipal me = currentUser.get();
        model.addAttribute("request", view);
        model.addAttribute("agency", agencies.find(view.agencyId()).orElse(null));
        model.addAttribute(
                "operationSummaries",
                view.operations().stream()
                        .collect(Collectors.toMap(
                                o -> o,
                                o -> operations
                                        .find(o)
                                        .map(ApiOperations.ApiOperation::summary)
                                        .orElse(""),
                                (a, b) -> a,
                                LinkedHashMap::new)));
        model.addAttribute("isSecurity", me.has(Role.SECURITY_ADMIN));
        model.addAttribute("isHead", me.roles().stream().anyMatch(Role::isHead));
        model.addAttribute("isRequester", view.requestedBy().equals(me.userId()));
    }

    private void fillForm(Model model) {
        AgencyView agency = agencies.get(currentUser.get().agency());
        model.addAttribute("agency", agency);
        model.addAttribute(
                "roleOptions",
                EnumSet.allOf(Role.class).stream()
                        .filter(r -> SystemTokenPolicy.of(r) != SystemTokenPolicy.NEVER && r.fits(agency))
                        .toList());
        model.addAttribute("twoPersonRoles", SystemTokenPolicy.roles(SystemTokenPolicy.TWO_PERSON));
        Map<String, List<ApiOperations.ApiOperation>> byTag = new LinkedHashMap<>();
        operations
                .all()
                .forEach(o -> byTag.computeIfAbsent(o.tag(), t -> new java.util.ArrayList<>())
                        .add(o));
        model.addAttribute("operationGroups", byTag);
        model.addAttribute("lifetimes", SelfService.tokenLifetimes());
        if (!model.containsAttribute("chosenRoles")) {
            model.addAttribute("chosenRoles", Set.of());
            model.addAttribute("chosenOperations", Set.of());
        }
    }

    private Map<AgencyId, String> names(Set<AgencyId> ids) {
        return agencies.findAll(ids).values().stream()
                .collect(Collectors.toMap(AgencyView::id, AgencyView::localName, (a, b) -> a));
    }

    private static SystemTokenRequest.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SystemTokenRequest.State.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid(
                    "state", "oneOf", java.util.Arrays.toString(SystemTokenRequest.State.values()));
        }
    }
}
