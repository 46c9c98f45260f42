package org.tongxin.identity.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.web.NavigationEntry;
import org.tongxin.shared.web.WorkSection;

/**
 * The work page (工作台): the user's day. Overdue and due today first, with counts; the five most urgent actions across
 * every module with their buttons; then each module's section (what the agency owes, deliveries to receipt, what is
 * escalated to it, what it waits for, the duties of roles without case work), and the places their roles open. The
 * sections come from the modules ({@link WorkSection} beans), so this foundation module depends on none of them.
 */
@Controller
class HomeController {

    private final CurrentUser currentUser;
    private final List<NavigationEntry> entries;
    private final List<WorkSection> sections;

    HomeController(CurrentUser currentUser, List<NavigationEntry> entries, List<WorkSection> sections) {
        this.currentUser = currentUser;
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(WorkSection::order))
                .toList();
    }

    /** The page: every section's reads and the audit record of the cases they show in one transaction. */
    @AnyAuthenticatedUser
    @Transactional
    @GetMapping("/")
    String home(Model model) {
        TongxinPrincipal user = currentUser.get();
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        WorkPage page = WorkPage.of(
                sections.stream().flatMap(s -> s.sections().stream()).toList());
        model.addAttribute("overdue", page.overdue());
        model.addAttribute("dueToday", page.dueToday());
        model.addAttribute("mostUrgent", page.mostUrgent());
        model.addAttribute("sections", page.sections());
        model.addAttribute("work", page);
        model.addAttribute(
                "tiles",
                entries.stream()
                        .filter(e -> !"/".equals(e.path()) && e.visibleTo(roles))
                        .toList());
        model.addAttribute("roles", user.roles().stream().sorted().toList());
        model.addAttribute("noRoles", user.roles().isEmpty());
        return "identity/home";
    }
}
