/**
 * The pages and the HTTP API of the {@code procedure} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.procedure.web;
