package org.tongxin.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.Role;
import org.tongxin.identity.internal.SelfService;
import org.tongxin.identity.internal.SystemTokenPolicy;
import org.tongxin.identity.internal.SystemTokens;
import org.tongxin.identity.internal.TokenRepository;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.web.FormFeedback;

/**
 * Tokens for other agencies' systems: issued (when their roles read no personal data) and revoked by the security
 * administrator; the others are requested by the agency's head (/token-requests).
 */
@Controller
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SystemTokenController {

    private final SystemTokens tokens;
    private final AgencyDirectory agencies;
    private final FormFeedback feedback;

    SystemTokenController(SystemTokens tokens, AgencyDirectory agencies, FormFeedback feedback) {
        this.tokens = tokens;
        this.agencies = agencies;
        this.feedback = feedback;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        fill(model);
        return "identity/system-tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID agencyId,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) Integer lifetimeDays,
            Model model) {
        try {
            model.addAttribute(
                    "issued",
                    tokens.issue(
                            name,
                            agencyId == null ? null : AgencyId.of(agencyId),
                            roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
                            lifetimeDays));
        } catch (TongxinException e) {
            feedback.apply(e, model);
            model.addAttribute("name", name);
            model.addAttribute("agencyId", agencyId);
            model.addAttribute("chosenRoles", roles);
        }
        fill(model);
        return "identity/system-tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("notice", feedback.message("account.tokens.revoked"));
        return "redirect:/admin/tokens";
    }

    private void fill(Model model) {
        List<TokenRepository.TokenRow> list = tokens.list();
        Map<AgencyId, AgencyView> byId = agencies.findAll(
                list.stream().map(t -> AgencyId.of(t.agencyId())).collect(Collectors.toSet()));
        model.addAttribute("tokens", list);
        model.addAttribute(
                "agencyNames",
                byId.values().stream().collect(Collectors.toMap(a -> a.id().value(), AgencyView::localName)));
        model.addAttribute("agencyOptions", agencies.listActive());
        // One step only for roles that read no personal data; the others are requested by the agency's head.
        model.addAttribute("roles", SystemTokenPolicy.roles(SystemTokenPolicy.ONE_STEP));
        model.addAttribute("lifetimes", SelfService.tokenLifetimes());
    }
}
