/**
 * The change of the place of execution (CCL art. 27): the façade {@link org.tongxin.supervision.move.PlaceChanges}, its
 * states and events are a named interface of the supervision module, for the demo's stories and the modules that act on
 * them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("move")
package org.tongxin.supervision.move;
