package org.tongxin.identity.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.NavigationEntry;

/** The home page: what this user can do here, one tile per place their roles open. */
@Controller
class HomeController {

    private final CurrentUser currentUser;
    private final List<NavigationEntry> entries;

    HomeController(CurrentUser currentUser, List<NavigationEntry> entries) {
        this.currentUser = currentUser;
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @AnyAuthenticatedUser
    @GetMapping("/")
    String home(Model model) {
        TongxinPrincipal user = currentUser.get();
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        model.addAttribute("tiles", entries.stream().filter(e -> !"/".equals(e.path()) && e.visibleTo(roles)).toList());
        model.addAttribute("roles", user.roles().stream().sorted().toList());
        model.addAttribute("noRoles", user.roles().isEmpty());
        return "identity/home";
    }
}
