package org.tongxin.platform;

import java.util.List;

/** The application's database role would not be bound by row-level security; Tongxin does not start on it. */
class UnsafeDatabaseRoleException extends IllegalStateException {

    private final String role;
    private final String owner;

    UnsafeDatabaseRoleException(String role, String owner, List<String> problems) {
        super("The application's database role " + role + " is not bound by row-level security: "
                + String.join("; ", problems) + ". Tongxin refuses to start on it.");
        this.role = role;
        this.owner = owner;
    }

    String action() {
        return "Use a plain login role for TONGXIN_DB_USER, e.g. ALTER ROLE " + role
                + " NOSUPERUSER NOBYPASSRLS; REVOKE " + owner + " FROM " + role
                + "; it must own nothing and must not be the owner role TONGXIN_DB_ADMIN_USER (doc/operations.md).";
    }
}
