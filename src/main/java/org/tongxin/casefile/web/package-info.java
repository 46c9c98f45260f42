/**
 * The pages and the HTTP API of the {@code casefile} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.casefile.web;
