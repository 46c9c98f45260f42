package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongxin.audit.AuditCategory;
import org.tongxin.audit.AuditEntry;
import org.tongxin.audit.AuditLog;
import org.tongxin.identity.Authorities;
import org.tongxin.identity.Role;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.ProblemFactory;

/**
 * Who may call what (doc/security-requirements.md S1–S7). Deny by default: only the public list below is open; login steps need a
 * pending login; everything else needs a complete login (password and second factor) or an API token, and each
 * handler states its own rule. Pages use the session with CSRF; API callers may send a bearer token instead, and
 * are then served by a chain of their own that never creates a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

    /** Everything anybody may reach without logging in. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/login",
            "/css/**",
            "/js/**",
            "/img/**",
            "/webjars/**",
            "/favicon.ico",
            "/error",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**");
    /** Public information: the working calendar and its deadline arithmetic (reading only). */
    static final String PUBLIC_CALENDAR = "/api/v1/calendar/**";

    static final int MAX_SESSIONS_PER_USER = 3;

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** A request that authenticates with an API token rather than the session. */
    static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    /**
     * Calls with a bearer token: stateless. The token is checked on every call and no session is ever created, so
     * another agency's system calling all day leaves nothing behind to store, expire or steal; the rules are the same
     * as for everything else (deny by default, method rules in the handlers).
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerFilterChain(HttpSecurity http, TokenAuthenticationManager tokens, ProblemFactory problems)
            throws Exception {
        AuthenticationEntryPoint entryPoint = apiEntryPoint(problems, "INVALID_TOKEN");
        AccessDeniedHandler denied = apiDenied(problems);
        http.securityMatcher(BEARER)
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** Deny by default: the public list, the login steps with a pending login, everything else after a complete login. */
    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
        authorize
                .requestMatchers(PUBLIC_PATHS.stream().map(PATHS::matcher).toArray(RequestMatcher[]::new))
                .permitAll()
                .requestMatchers(PATHS.matcher(HttpMethod.GET, PUBLIC_CALENDAR))
                .permitAll()
                .requestMatchers(
                        PATHS.matcher("/login/password"), PATHS.matcher("/login/mfa"), PATHS.matcher("/login/mfa/**"))
                .hasAuthority(Authorities.LOGIN_PENDING)
                .requestMatchers(PATHS.matcher("/actuator/**"))
                .hasRole(Role.SYSTEM_ADMIN.name())
                .anyRequest()
                .hasAuthority(Authorities.FULLY_AUTHENTICATED);
    }

    /**
     * 401 for an API call, as a problem with {@code code}, telling the caller a bearer token would do; 429 with
     * {@code Retry-After} while the caller's address must wait after too many bad tokens.
     */
    private static AuthenticationEntryPoint apiEntryPoint(ProblemFactory problems, String code) {
        return (request, response, e) -> {
            if (e instanceof TooManyFailuresException wait) {
                response.setHeader("Retry-After", Long.toString(wait.retryAfterSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILURES");
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, code);
        };
    }

    private static AccessDeniedHandler apiDenied(ProblemFactory problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN");
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            LoginSteps loginSteps,
            PasswordAuthenticationProvider passwordProvider,
            ProblemFactory problems,
            UserRepository users,
            Clock clock,
            AuditLog audit,
            FindByIndexNameSessionRepository<? extends Session> sessions)
            throws Exception {
        RequestMatcher api = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/actuator/**"));
        AuthenticationEntryPoint apiEntryPoint = apiEntryPoint(problems, "UNAUTHENTICATED");
        AccessDeniedHandler apiDenied = apiDenied(problems);
        AccessDeniedHandler pageDenied = (request, response, e) -> {
            if (PendingLogins.pendingPrincipal() != null) {
                PendingLogin pending = request.getSession(false) == null
                        ? null
                        : (PendingLogin) request.getSession(false).getAttribute(PendingLogin.ATTRIBUTE);
                response.sendRedirect(request.getContextPath()
                        + (pending == null ? "/login" : pending.stage().path()));
                return;
            }
            response.sendError(HttpStatus.FORBIDDEN.value());
        };

        http.authenticationManager(new ProviderManager(passwordProvider))
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginSteps)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("SESSION")
                        .addLogoutHandler(auditLogout(audit)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(apiDenied, api)
                        .defaultAccessDeniedHandlerFor(pageDenied, AnyRequestMatcher.INSTANCE))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(MAX_SESSIONS_PER_USER)
                        .sessionRegistry(new SpringSessionBackedSessionRegistry<>(sessions))
                        .expiredUrl("/login?expired"))
                .headers(SecurityConfiguration::headers)
                .addFilterAfter(new SessionGuardFilter(users, clock), SecurityContextHolderFilter.class);
        return http.build();
    }

    private static LogoutHandler auditLogout(AuditLog audit) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof TongxinPrincipal principal) {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "logout")
                        .target("user", principal.userId())
                        .actorName(principal.username()));
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessRules());
    }
}
