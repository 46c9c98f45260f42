/**
 * Lost contact (失去联系, CCL art. 30): its events are the supervision module's named interface for the modules that act
 * on them — the assessment engine takes {@link org.tongxin.supervision.missing.LostContactEvents.StillMissingAfterOneMonth}
 * as a ground for a revocation or custody proposal.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("missing")
package org.tongxin.supervision.missing;
