/**
 * People, roles and access: staff accounts of every agency, form login with a second factor (TOTP), lockout,
 * server-side sessions in PostgreSQL, API tokens, separation of the three administrator duties, and the one
 * access-decision component ({@link org.tongxin.identity.CaseAccess}) every case-bound module uses (deny by
 * default; no lawful role → 404, lawful role without the right → 403).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "agency", "audit"})
package org.tongxin.identity;
