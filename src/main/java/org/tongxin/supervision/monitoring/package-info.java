/**
 * Electronic monitoring (CCL art. 29): the façade {@link org.tongxin.supervision.monitoring.Monitoring}, its views, ids and
 * events are a named interface of the supervision module, for the demo's stories and the modules that act on them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("monitoring")
package org.tongxin.supervision.monitoring;
