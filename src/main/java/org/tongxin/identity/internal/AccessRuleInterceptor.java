package org.tongxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.security.PublicEndpoint;

/**
 * Deny by default (SECURITY.md S6): a Tongxin handler without an explicit rule — {@code @PreAuthorize},
 * {@link AnyAuthenticatedUser} or {@link PublicEndpoint}, on the method or its class — is refused, whatever the
 * URL rules would allow. {@code AccessRulesIntegrationTests} fails the build before such a handler ships.
 */
class AccessRuleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRuleInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.getBeanType().getPackageName().startsWith("org.tongxin")
                && !hasRule(method)) {
            log.error("Handler {} has no access rule: refused", method);
            throw new AccessDeniedException("No access rule");
        }
        return true;
    }

    static boolean hasRule(HandlerMethod method) {
        return annotated(method, PreAuthorize.class) || annotated(method, AnyAuthenticatedUser.class)
                || annotated(method, PublicEndpoint.class);
    }

    private static boolean annotated(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), type)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
    }
}
