/**
 * The pages and the HTTP API of the {@code supervision.custody} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.supervision.custody.web;
