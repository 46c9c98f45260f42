/**
 * The one error contract: {@link org.tongxin.shared.error.TongxinException} with a stable code, answered as an RFC 9457
 * problem in the user's language.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.error;
