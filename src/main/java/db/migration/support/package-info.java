/**
 * What the Java migrations share: the correction of the policy catalogue they publish.
 */
@org.jspecify.annotations.NullMarked
package db.migration.support;
