/**
 * Time: the injected clock and the legal dates of Asia/Shanghai.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.time;
