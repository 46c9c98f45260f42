package org.tongxin.identity.web;

import java.util.EnumSet;
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
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.NewAccount;
import org.tongxin.identity.Role;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserId;
import org.tongxin.identity.UserView;
import org.tongxin.identity.internal.AccountAdministration;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Account administration pages. The system administrator creates and maintains staff accounts; the security
 * administrator grants roles, resets second factors, locks and unlocks. Each sees only the actions of their duty; an
 * administrator's credentials are reset through the two-person procedure (/admin/credential-resets).
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class UserAdminController {

    private final UserDirectory users;
    private final AccountAdministration administration;
    private final AgencyDirectory agencies;
    private final FormFeedback feedback;
    private final PageCommands commands;
    private final AuditLog audit;

    UserAdminController(
            UserDirectory users,
            AccountAdministration administration,
            AgencyDirectory agencies,
            FormFeedback feedback,
            PageCommands commands,
            AuditLog audit) {
        this.users = users;
        this.administration = administration;
        this.agencies = agencies;
        this.feedback = feedback;
        this.commands = commands;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID agency,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            Model model) {
        PageQuery query = PageQuery.of(page, null, sort, UserDirectory.SORTABLE, "username");
        String statusFilter = "ACTIVE".equals(status) || "DISABLED".equals(status) ? status : null;
        PageResult<UserView> result =
                users.search(q, agency == null ? null : AgencyId.of(agency), role, statusFilter, query);
        model.addAttribute("page", result);
        model.addAttribute(
                "agencyNames",
                names(result.items().stream().map(UserView::agencyId).collect(Collectors.toSet())));
        model.addAttribute("q", q);
        model.addAttribute("agencyFilter", agency);
        model.addAttribute("roleFilter", role);
        model.addAttribute("statusFilter", statusFilter);
        model.addAttribute("sort", query.sortParameter());
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencyOptions", agencyOptions());
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/admin/users")
                                .queryParamIfPresent("q", opt(q))
                                .queryParamIfPresent("agency", opt(agency))
                                .queryParamIfPresent("role", opt(role))
                                .queryParamIfPresent("status", opt(statusFilter))
                                .queryParam("sort", query.sortParameter())
                                .build()
                                .toUriString()
                        + "&");
        return "identity/users";
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        model.addAttribute("agencyOptions", agencyOptions());
        return "identity/user-new";
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/users")
    String create(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) UUID agencyId,
            Model model) {
        try {
            AccountAdministration.Created created = administration.create(
                    new NewAccount(username, displayName, agencyId == null ? null : AgencyId.of(agencyId), Set.of()));
            return oneTimePasswordPage(created.id(), created.oneTimePassword(), model);
        } catch (TongxinException e) {
            feedback.apply(e, model);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("agencyId", agencyId);
            model.addAttribute("agencyOptions", agencyOptions());
            return "identity/user-new";
        }
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        UserView user = users.find(UserId.of(id)).orElseThrow(TongxinException::notFound);
        audit.record(AuditEntry.of(AuditCategory.PERSONAL_DATA, "user.view")
                .target("user", id)
                .subjects(List.of(id))
                .purpose("admin/users/detail"));
        fillDetail(user, model);
        return "identity/user";
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @PostMapping("/admin/users/{id}/profile")
    String updateProfile(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) UUID agencyId,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                model,
                redirect,
                "user.saved",
                () -> administration.updateProfile(
                        UserId.of(id), version, displayName, agencyId == null ? null : AgencyId.of(agencyId)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/admin/users/{id}/roles")
    String setRoles(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) List<Role> roles,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                model,
                redirect,
                "user.rolesSaved",
                () -> administration.setRoles(
                        UserId.of(id), version, roles == null ? Set.of() : EnumSet.copyOf(roles)));
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable UUID id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "user.disabled", () -> administration.setActive(UserId.of(id), version, false));
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable UUID id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "user.enabled", () -> administration.setActive(UserId.of(id), version, true));
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable UUID id, Model model) {
        try {
            return oneTimePasswordPage(UserId.of(id), administration.resetPassword(UserId.of(id)), model);
        } catch (TongxinException e) {
            if (e.status().is4xxClientError() && e.status().value() != 404) {
                feedback.apply(e, model);
                fillDetail(users.find(UserId.of(id)).orElseThrow(TongxinException::notFound), model);
                return "identity/user";
            }
            throw e;
        }
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/admin/users/{id}/mfa-reset")
    String resetMfa(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "user.mfaReset", () -> administration.resetSecondFactor(UserId.of(id)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/admin/users/{id}/lock")
    String lock(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "user.lockedNotice", () -> administration.lock(UserId.of(id)));
    }

    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return act(id, model, redirect, "user.unlocked", () -> administration.unlock(UserId.of(id)));
    }

    private String act(UUID id, Model model, RedirectAttributes redirect, String noticeKey, Runnable action) {
        return commands.run(action)
                .notice(noticeKey)
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/admin/users/" + id, model, redirect, () -> {
                    fillDetail(users.find(UserId.of(id)).orElseThrow(TongxinException::notFound), model);
                    return "identity/user";
                });
    }

    private String oneTimePasswordPage(UserId id, String oneTimePassword, Model model) {
        model.addAttribute("user", users.find(id).orElseThrow());
        model.addAttribute("oneTimePassword", oneTimePassword);
        return "identity/user-password";
    }

    private void fillDetail(UserView user, Model model) {
        AgencyView agency = agencies.find(user.agencyId()).orElse(null);
        model.addAttribute("user", user);
        model.addAttribute("agency", agency);
        model.addAttribute("agencyOptions", agencyOptions());
        model.addAttribute(
                "fittingRoles",
                agency == null
                        ? List.of()
                        : EnumSet.allOf(Role.class).stream()
                                .filter(r -> r.fits(agency))
                                .toList());
    }

    private List<AgencyView> agencyOptions() {
        return agencies.listActive();
    }

    private Map<AgencyId, String> names(Set<AgencyId> ids) {
        return agencies.findAll(ids).values().stream()
                .collect(Collectors.toMap(AgencyView::id, AgencyView::localName, (a, b) -> a));
    }

    private static java.util.Optional<Object> opt(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                ? java.util.Optional.empty()
                : java.util.Optional.of(value);
    }
}
