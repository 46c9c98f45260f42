/**
 * Acknowledged handovers (doc/architecture.md §3): a bundle of legal documents from one organ to another for a case is
 * delivered, then receipted (回执, with a generated receipt) or rejected with the missing or defective items; the
 * sender supplements and delivers again, round after round. Copy recipients (抄送) see every round. Every state
 * change is an event on the case timeline; the procedure module turns them into obligations fulfilled and opened.
 * The module is generic: which organ sends what to whom for which step is the procedure's knowledge.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "agency", "casefile", "document"})
package org.tongxin.exchange;
