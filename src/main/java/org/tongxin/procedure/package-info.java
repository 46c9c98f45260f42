/**
 * The intake procedures (doc/procedures.md, doc/architecture.md §3): from the court's entrustment of an assessment to the entry
 * announcement. Listeners turn the events of the case file, the exchange and the ledger into obligations opened,
 * fulfilled, paused and resumed as the policy model in force says; {@link org.tongxin.procedure.Intake} carries the
 * commands that span modules (a delivery with its generated documents) in one transaction.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "agency",
            "policy",
            "casefile",
            "obligation",
            "exchange",
            "document"
        })
package org.tongxin.procedure;
