/**
 * The pages and the HTTP API of the {@code obligation} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.obligation.web;
