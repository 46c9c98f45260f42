package org.tongxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that anybody may call without logging in. Every handler carries either this or an explicit
 * authorization rule ({@code @PreAuthorize}); a handler with neither is refused at run time and fails the build
 * (deny by default, doc/security-requirements.md S6). The URL must also be on the security configuration's public list.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {}
