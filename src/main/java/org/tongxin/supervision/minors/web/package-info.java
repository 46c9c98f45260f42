/**
 * The pages and the HTTP API of the {@code supervision.minors} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.supervision.minors.web;
