package org.tongxin.identity.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.internal.CredentialReset;
import org.tongxin.identity.internal.CredentialResets;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.FormFeedback;
import org.tongxin.shared.web.PageCommands;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/**
 * Pages of the two-person reset of administrators' credentials (every administrator: request, approve or refuse
 * another's request, withdraw one's own), and the notice everyone gets of the resets done on their own account.
 */
@Controller
class CredentialResetPages {

    private final CredentialResets resets;
    private final CurrentUser currentUser;
    private final FormFeedback feedback;
    private final PageCommands commands;

    CredentialResetPages(
            CredentialResets resets, CurrentUser currentUser, FormFeedback feedback, PageCommands commands) {
        this.resets = resets;
        this.currentUser = currentUser;
        this.feedback = feedback;
        this.commands = commands;
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @GetMapping("/admin/credential-resets")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) UUID user,
            Model model) {
        fillList(state(state), page, sort, model);
        model.addAttribute("userId", user);
        model.addAttribute("kind", CredentialReset.Kind.BOTH);
        return "identity/credential-resets";
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @PostMapping("/admin/credential-resets")
    String request(
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) CredentialReset.Kind kind,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return commands.make(() -> {
                    if (userId == null) {
                        throw TongxinException.invalid("userId", "required");
                    }
                    return resets.request(userId, kind, reason);
                })
                .notice("credentialReset.requested")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr(view -> "/admin/credential-resets/" + view.id(), model, redirect, () -> {
                    fillList(null, null, null, model);
                    model.addAttribute("userId", userId);
                    model.addAttribute("kind", kind);
                    model.addAttribute("reason", reason);
                    return "identity/credential-resets";
                });
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @GetMapping("/admin/credential-resets/{id}")
    String detail(@PathVariable UUID id, Model model) {
        fillDetail(resets.get(id), model);
        return "identity/credential-reset";
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @PostMapping("/admin/credential-resets/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) Integer version, Model model) {
        try {
            CredentialResets.Outcome outcome = resets.approve(id, TokenRequestApi.version(version));
            model.addAttribute("oneTimePassword", outcome.oneTimePassword());
            model.addAttribute("notice", feedback.message("credentialReset.done"));
            fillDetail(outcome.reset(), model);
        } catch (TongxinException e) {
            return rejected(id, e, model);
        }
        return "identity/credential-reset";
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @PostMapping("/admin/credential-resets/{id}/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> resets.refuse(id, TokenRequestApi.version(version), reason))
                .notice("credentialReset.refused")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/admin/credential-resets/" + id, model, redirect, () -> {
                    model.addAttribute("refusalReason", reason);
                    return detail(id, model);
                });
    }

    @PreAuthorize(CredentialResetApi.ADMINS)
    @PostMapping("/admin/credential-resets/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        return commands.run(() -> resets.withdraw(id, TokenRequestApi.version(version)))
                .notice("credentialReset.withdrawn")
                .passOn(PageCommands.NOT_FOUND)
                .redirectOr("/admin/credential-resets/" + id, model, redirect, () -> detail(id, model));
    }

    /** The person's own notice: shown after the login that follows a reset, and on demand. */
    @AnyAuthenticatedUser
    @GetMapping("/account/resets")
    String mine(Model model) {
        model.addAttribute("resets", resets.mine());
        return "identity/account-resets";
    }

    private String rejected(UUID id, TongxinException e, Model model) {
        if (e.status().value() == 404) {
            throw e;
        }
        feedback.apply(e, model);
        return detail(id, model);
    }

    private void fillList(CredentialReset.State state, Integer page, String sort, Model model) {
        PageQuery query = PageQuery.of(page, null, sort, CredentialResets.SORTABLE, "-requested");
        PageResult<CredentialResets.View> result = resets.list(state, query);
        model.addAttribute("page", result);
        model.addAttribute("stateFilter", state);
        model.addAttribute("states", CredentialReset.State.values());
        model.addAttribute("kinds", CredentialReset.Kind.values());
        model.addAttribute("sort", query.sortParameter());
        model.addAttribute("administrators", resets.administrators());
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/admin/credential-resets")
                                .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                                .queryParam("sort", query.sortParameter())
                                .build()
                                .toUriString()
                        + "&");
    }

    private void fillDetail(CredentialResets.View view, Model model) {
        java.util.UUID me = currentUser.get().userId();
        model.addAttribute("reset", view);
        model.addAttribute("isRequester", view.requestedBy().equals(me));
        model.addAttribute("isTarget", view.targetUserId().equals(me));
        model.addAttribute("sameRole", currentUser.get().has(view.requestedRole()));
    }

    private static CredentialReset.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CredentialReset.State.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw TongxinException.invalid("state", "oneOf", java.util.Arrays.toString(CredentialReset.State.values()));
        }
    }
}
