/**
 * Assistance referrals (CCL ch. 5): officers refer a subject to education, civil affairs, human resources and social
 * security, or a social organisation; the referral travels like a handover, is accepted or declined with reasons,
 * carries progress notes and an outcome, with service-level deadlines from the policy model on the ledger.
 * Departments declare their capacity; referrals beyond it wait in a list.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "agency",
            "calendar",
            "policy",
            "casefile",
            "obligation",
            "document"
        })
package org.tongxin.assistance;
