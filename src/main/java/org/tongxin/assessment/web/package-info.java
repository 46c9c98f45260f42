/**
 * The pages and the HTTP API of the {@code assessment} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.assessment.web;
