package org.tongxin.identity.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.UserDirectory;
import org.tongxin.identity.UserView;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.PageQuery;
import org.tongxin.shared.web.PageResult;

/** Who works where: the staff of an agency (default: the user's own), so colleagues can find each other. */
@Controller
@AnyAuthenticatedUser
class StaffController {

    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;

    StaffController(UserDirectory users, AgencyDirectory agencies, CurrentUser currentUser) {
        this.users = users;
        this.agencies = agencies;
        this.currentUser = currentUser;
    }

    @GetMapping("/staff")
    String staff(
            @RequestParam(required = false) UUID agency,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        AgencyId agencyId =
                agency != null ? AgencyId.of(agency) : currentUser.get().agency();
        AgencyView selected = agencies.get(agencyId);
        PageResult<UserView> result = users.search(
                q, agencyId, null, "ACTIVE", PageQuery.of(page, null, "name", UserDirectory.SORTABLE, "name"));
        model.addAttribute("agency", selected);
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/staff")
                                .queryParam("agency", agencyId)
                                .queryParamIfPresent(
                                        "q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                                .build()
                                .toUriString()
                        + "&");
        return "identity/staff";
    }
}
