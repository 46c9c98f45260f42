/**
 * Tongxin (同心): the application's entry point. Each subpackage is a module of the modular monolith
 * (doc/architecture.md, doc/modules/).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin;
