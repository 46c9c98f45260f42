/**
 * The pages and the HTTP API of the {@code calendar} module, over its public façade.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.calendar.web;
