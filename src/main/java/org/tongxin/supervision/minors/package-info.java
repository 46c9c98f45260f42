/**
 * The minors' steps (CCL ch. 7): the measures and team fitted to a minor, the guardian, education and
 * training steps (doc/adr/0044).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.supervision.minors;
