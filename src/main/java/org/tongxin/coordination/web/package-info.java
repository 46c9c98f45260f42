/**
 * The pages and the HTTP API of the {@code coordination} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.coordination.web;
