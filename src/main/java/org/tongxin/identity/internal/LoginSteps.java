package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.web.Languages;

/**
 * The steps of a login after the password: choose a new password when an administrator set a one-time one, give
 * the TOTP code or enrol one, then the full login with a fresh session id. Only in demo mode may non-admin demo
 * accounts skip the second factor (doc/security-requirements.md S3).
 */
@Component
public class LoginSteps implements AuthenticationSuccessHandler {

    private final UserRepository users;
    private final AuditLog audit;
    private final boolean demoMode;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final LocaleResolver localeResolver;
    private final LoginThrottle throttle;
    private final KnownDevices devices;
    private final CredentialResets resets;
    private final java.time.Clock clock;

    LoginSteps(
            UserRepository users,
            AuditLog audit,
            @Value("${tongxin.demo:false}") boolean demoMode,
            LocaleResolver localeResolver,
            LoginThrottle throttle,
            KnownDevices devices,
            CredentialResets resets,
            java.time.Clock clock) {
        this.throttle = throttle;
        this.devices = devices;
        this.resets = resets;
        this.users = users;
        this.audit = audit;
        this.demoMode = demoMode;
        this.localeResolver = localeResolver;
        this.clock = clock;
    }

    /** The principal of a completed login: the account's agency, roles and current security stamp (doc/security-requirements.md S4). */
    public static TongxinPrincipal principal(UserRow user) {
        return new TongxinPrincipal(
                TongxinPrincipal.Kind.SESSION,
                user.id(),
                user.username(),
                user.displayName(),
                user.agencyId(),
                user.roles(),
                null,
                user.securityStamp());
    }

    boolean secondFactorRequired(UserRow user) {
        return !(demoMode && user.mfaExempt() && !user.isAdmin());
    }

    /** The step after the password (or after the previous step), or null when the login is complete. */
    PendingLogin.Stage nextStage(UserRow user) {
        if (user.mustChangePassword()) {
            return PendingLogin.Stage.NEW_PASSWORD;
        }
        if (!secondFactorRequired(user)) {
            return null;
        }
        return user.mfaEnrolled() ? PendingLogin.Stage.MFA_CODE : PendingLogin.Stage.MFA_ENROL;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        TongxinPrincipal principal = (TongxinPrincipal) authentication.getPrincipal();
        UserRow user = users.findById(principal.userId()).orElseThrow();
        rememberLanguageChoice(request, response, user);
        continueLogin(request, response, user);
    }

    /** Goes to the next step, or completes the login. */
    void continueLogin(HttpServletRequest request, HttpServletResponse response, UserRow user) throws IOException {
        PendingLogin.Stage stage = nextStage(user);
        if (stage == null) {
            complete(request, response, user);
            return;
        }
        HttpSession session = request.getSession();
        session.setAttribute(PendingLogin.ATTRIBUTE, new PendingLogin(stage, null));
        setAuthentication(
                request,
                response,
                UsernamePasswordAuthenticationToken.authenticated(
                        principal(user), null, List.of(new SimpleGrantedAuthority(Authorities.LOGIN_PENDING))));
        response.sendRedirect(request.getContextPath() + stage.path());
    }

    /**
     * The full login: fresh session id, roles, audit; this browser becomes known to the account and the account's
     * failures from here are forgotten; then back to where the user was going — or first to the notice of a reset of
     * their credentials they have not seen yet.
     */
    void complete(HttpServletRequest request, HttpServletResponse response, UserRow user) throws IOException {
        throttle.succeeded(throttle.attempt(user.username(), user.id()));
        devices.remember(request, response, user.id());
        SavedRequest saved = requestCache.getRequest(request, response);
        HttpSession session = request.getSession();
        session.removeAttribute(PendingLogin.ATTRIBUTE);
        request.changeSessionId();
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.FULLY_AUTHENTICATED));
        user.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        setAuthentication(
                request,
                response,
                UsernamePasswordAuthenticationToken.authenticated(principal(user), null, authorities));
        users.loginSucceeded(user.id(), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "login.success")
                .target("user", user.id())
                .detail("secondFactor", secondFactorRequired(user)));
        requestCache.removeRequest(request, response);
        String target = saved != null && isSafeTarget(saved.getRedirectUrl(), request)
                ? saved.getRedirectUrl()
                : request.getContextPath() + "/";
        if (resets.unseen(user.id())) {
            target = request.getContextPath() + "/account/resets";
        }
        response.sendRedirect(target);
    }

    private void setAuthentication(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** A language chosen on the login page becomes the preference; otherwise the saved preference applies. */
    private void rememberLanguageChoice(HttpServletRequest request, HttpServletResponse response, UserRow user) {
        boolean chosen = request.getCookies() != null
                && java.util.Arrays.stream(request.getCookies()).anyMatch(c -> Languages.COOKIE.equals(c.getName()));
        if (chosen) {
            Locale locale = localeResolver.resolveLocale(request);
            users.setPreferredLanguage(user.id(), Languages.tag(locale));
        } else if (user.preferredLanguage() != null) {
            Locale preferred = Languages.parse(user.preferredLanguage());
            if (preferred != null) {
                localeResolver.setLocale(request, response, preferred);
            }
        }
    }

    private static boolean isSafeTarget(String url, HttpServletRequest request) {
        // Only back to this application, never to an API call or a static file that merely triggered the login.
        String base = request.getScheme() + "://" + request.getServerName();
        return url != null
                && url.startsWith(base)
                && !url.contains("/api/")
                && !url.contains("/webjars/")
                && !url.contains("/css/")
                && !url.contains("/js/")
                && !url.contains("/.well-known/");
    }
}
