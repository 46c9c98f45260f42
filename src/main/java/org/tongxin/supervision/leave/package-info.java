/**
 * Leave (请假): the request, its approval at the level the policy model sets, the return and the extension
 * (doc/adr/0033).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.supervision.leave;
