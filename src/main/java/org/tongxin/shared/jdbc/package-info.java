/**
 * Database helpers every module uses: the request's agency for row-level security, cluster-wide locks and the
 * wait for a command's own reactions (doc/adr/0015).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.jdbc;
