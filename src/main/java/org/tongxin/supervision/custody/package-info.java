/**
 * Custody during correction (CCL art. 32): the façade {@link org.tongxin.supervision.custody.Custody} and its events are
 * a named interface of the supervision module, for the demo's stories and the modules that act on a detention.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("custody")
package org.tongxin.supervision.custody;
