/**
 * The pages and the HTTP API of the {@code assistance} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.assistance.web;
