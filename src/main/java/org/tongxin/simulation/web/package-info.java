/**
 * The pages and the HTTP API of the {@code simulation} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.simulation.web;
