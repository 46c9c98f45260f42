/**
 * Platform: how Tongxin finds its database and its data key. With no database configured it runs an embedded
 * PostgreSQL under {@code ./data} (demo mode); with {@code TONGXIN_DB_URL} it runs in production mode and refuses
 * to start while any required setting is missing, or when its database role would escape row-level security. It
 * rotates the data keys ({@code --tongxin.keys.rotate}) over the encrypted columns the modules declare, keeps a record
 * of each rotation and of when each key came into use, and shows the system and security administrators the key's age
 * and the last rotation (work page, {@code /admin/key-rotations}). Owns no business data.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "identity"})
package org.tongxin.platform;
