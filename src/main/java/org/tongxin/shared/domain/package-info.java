/**
 * What the aggregates of every module share: the events their transitions register.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.domain;
