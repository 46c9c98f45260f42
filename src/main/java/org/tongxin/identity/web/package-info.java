/**
 * The pages and the HTTP API of the {@code identity} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.identity.web;
