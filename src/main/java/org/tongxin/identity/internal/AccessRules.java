package org.tongxin.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.AnyAuthenticatedUser;
import org.tongxin.shared.security.PublicEndpoint;

/**
 * Deny by default (doc/security-requirements.md S6): a Tongxin handler without an explicit rule — {@code @PreAuthorize},
 * {@link AnyAuthenticatedUser} or {@link PublicEndpoint}, on the method or its class — is refused, whatever the
 * URL rules would allow. The role rule is also decided here, before the request body is read or validated, so a
 * caller without the right gets 403 and learns nothing from validation messages. {@code AccessRulesIntegrationTests}
 * fails the build before a handler without a rule ships.
 */
public class AccessRules implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("org.tongxin")) {
            return true;
        }
        if (!hasRule(method)) {
            log.error("Handler {} has no access rule: refused", method);
            throw new AccessDeniedException("No access rule");
        }
        if (annotated(method, PreAuthorize.class)) {
            Object bean = method.getBean() instanceof String ? null : method.getBean();
            AuthorizationResult result = preAuthorize.authorize(
                    SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(
                            bean,
                            method.getMethod(),
                            new Object[method.getMethod().getParameterCount()]));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Role rule refused");
            }
        }
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                        instanceof TongxinPrincipal principal
                && !principal.mayCall(operationId(method))) {
            // A scoped system token calls only the operations its request named (and never a page).
            throw TongxinException.forbidden("TOKEN_OPERATION_NOT_ALLOWED");
        }
        return true;
    }

    /** The OpenAPI operation id of an API handler; null for pages. */
    public static String operationId(HandlerMethod method) {
        Operation operation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Operation.class);
        return operation == null || operation.operationId().isBlank() ? null : operation.operationId();
    }

    public static boolean hasRule(HandlerMethod method) {
        return annotated(method, PreAuthorize.class)
                || annotated(method, AnyAuthenticatedUser.class)
                || annotated(method, PublicEndpoint.class);
    }

    private static boolean annotated(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), type)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
    }
}
