/**
 * Flyway's Java migrations: the data changes SQL alone does not make well (sealing texts under the data key,
 * publishing the policy models and their sources). Applied migrations never change.
 */
@org.jspecify.annotations.NullMarked
package db.migration;
