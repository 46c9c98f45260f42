/**
 * The pages and the HTTP API of the {@code procuratorial} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.procuratorial.web;
