/**
 * The pages and the HTTP API of the {@code statistics} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.statistics.web;
