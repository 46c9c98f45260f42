package org.tongxin.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler open to every fully logged-in user whatever their roles (home page, own account, language).
 * Case-bound handlers never use it: they decide per case through the access-decision component.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AnyAuthenticatedUser {}
