/**
 * Procuratorial supervision of community correction (CCL art. 62): the procuratorate that receives a case's copies
 * records a correction opinion (纠正意见) or a procuratorial suggestion (检察建议) against a step or handover of any
 * agency in the case; the addressed unit owes the written reply — adopted, or why not — by the period its policy model
 * sets (procuratorate.reply; City A 15 days), on the ledger, the timeline and so in the scorecards.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "agency", "casefile", "obligation", "procedure", "policy"
        })
package org.tongxin.procuratorial;
