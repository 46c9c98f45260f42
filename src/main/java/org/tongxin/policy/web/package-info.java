/**
 * The pages and the HTTP API of the {@code policy} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.policy.web;
