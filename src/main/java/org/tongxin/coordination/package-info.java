/**
 * The coordination mechanism beyond the case procedures (doc/architecture.md §2): joint meetings (联席会议) whose decisions become
 * tracked obligations, and the conflict register of inter-agency disputes with escalation, resolution and lessons.
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
            "exchange",
            "document"
        })
package org.tongxin.coordination;
