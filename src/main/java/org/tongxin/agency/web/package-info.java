/**
 * The pages and the HTTP API of the {@code agency} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.agency.web;
