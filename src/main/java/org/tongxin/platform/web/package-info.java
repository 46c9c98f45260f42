/**
 * The pages and the HTTP API of the {@code platform} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.platform.web;
