/**
 * What the {@code document} module keeps to itself: its aggregates, repositories and listeners, which no other
 * module may use.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.document.internal;
