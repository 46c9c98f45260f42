/**
 * The pages and the HTTP API of the {@code exchange} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.exchange.web;
