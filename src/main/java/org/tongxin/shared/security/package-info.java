/**
 * Who is acting: the actor of a request or of system work, and the markers of endpoints open to everyone or
 * to any signed-in user.
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.security;
