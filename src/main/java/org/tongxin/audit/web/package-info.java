/**
 * The pages and the HTTP API of the {@code audit} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.audit.web;
