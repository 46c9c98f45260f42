package org.tongxin.identity.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.identity.CurrentUser;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.web.DemoProgress;
import org.tongxin.shared.web.Languages;
import org.tongxin.shared.web.NavigationBadge;
import org.tongxin.shared.web.NavigationEntry;

/**
 * What every page's layout shows: the DEMO banner (and, while the demo is still being generated, a notice), the user's
 * name, agency and roles, the navigation entries their roles may use (with their counts, such as the inbox's, for users
 * who work on cases), and the language switch for the current page.
 */
@ControllerAdvice
class LayoutAdvice {

    private final CurrentUser currentUser;
    private final AgencyDirectory agencies;
    private final List<NavigationEntry> navigation;
    private final List<NavigationBadge> badges;
    private final MessageSource messages;
    private final boolean demoMode;
    private final ObjectProvider<DemoProgress> demoProgress;

    LayoutAdvice(
            CurrentUser currentUser,
            AgencyDirectory agencies,
            List<NavigationEntry> navigation,
            List<NavigationBadge> badges,
            MessageSource messages,
            @Value("${tongxin.demo:false}") boolean demoMode,
            ObjectProvider<DemoProgress> demoProgress) {
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
        this.badges = badges;
        this.messages = messages;
        this.demoMode = demoMode;
        this.demoProgress = demoProgress;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        String path = originalPath(request);
        if (path.startsWith("/api/")) {
            return;
        }
        model.addAttribute("demoMode", demoMode);
        DemoProgress progress = demoMode ? demoProgress.getIfAvailable() : null;
        model.addAttribute("demoLoading", progress != null && progress.loading());
        model.addAttribute("currentPath", path);
        model.addAttribute("langZh", withLanguage(request, path, "zh-CN"));
        model.addAttribute("langEn", withLanguage(request, path, "en"));
        TongxinPrincipal user = currentUser.find().orElse(null);
        model.addAttribute("currentUser", user);
        if (user != null) {
            Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
            List<NavigationEntry> visible =
                    navigation.stream().filter(e -> e.visibleTo(roles)).toList();
            model.addAttribute("navigation", visible);
            // The section the page belongs to: the longest entry path that is the page or contains it (so
            // /statistics/holdups
            // marks 卡点, not 统计 as well).
            model.addAttribute(
                    "activeNavigationPath",
                    visible.stream()
                            .map(NavigationEntry::path)
                            .filter(p -> path.equals(p) || (!p.equals("/") && path.startsWith(p + "/")))
                            .max(java.util.Comparator.comparingInt(String::length))
                            .orElse(null));
            // Lazy: counted only when a page is rendered (never for a redirect or a download), once per page.
            model.addAttribute("navBadges", new NavigationBadges(user.isAdmin() ? List.of() : badges));
            model.addAttribute(
                    "currentAgencyName",
                    agencies.find(user.agency()).map(a -> a.localName()).orElse(""));
            model.addAttribute(
                    "currentRoleNames",
                    user.roles().stream()
                            .sorted()
                            .map(r -> messages.getMessage(
                                    "role." + r.name(), null, r.name(), LocaleContextHolder.getLocale()))
                            .collect(Collectors.joining("、")));
        } else {
            model.addAttribute("navigation", List.of());
        }
    }

    private static String originalPath(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = error != null ? error.toString() : request.getRequestURI();
        return uri.substring(request.getContextPath().length());
    }

    /** The same page in the other language: GET pages keep their query, others go to their path. */
    private static String withLanguage(HttpServletRequest request, String path, String tag) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getContextPath() + path);
        if ("GET".equals(request.getMethod())
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null
                && request.getQueryString() != null) {
            builder.query(request.getQueryString());
        }
        return builder.replaceQueryParam(Languages.PARAMETER, tag).build().toUriString();
    }
}
