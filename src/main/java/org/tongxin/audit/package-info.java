/**
 * The tamper-evident audit log (doc/security-requirements.md S12–S14): every login event, every change of users, roles, tokens and
 * agencies, and every read of a person's record is recorded through {@link org.tongxin.audit.AuditLog}. Records are
 * append-only (the application role may only insert), each carries a keyed hash, and a sealer chains them in
 * batches; the verifier reports changed, missing or unexpected rows. Only audit administrators see it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.tongxin.audit;
