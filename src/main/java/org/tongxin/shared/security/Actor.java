package org.tongxin.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting in the current request, as far as audit and access decisions need to know: the user (or system
 * token), their agency and roles. {@code kind} is USER (a logged-in person), TOKEN (an API token), SYSTEM (a
 * scheduled job) or ANONYMOUS.
 */
public record Actor(Kind kind, UUID userId, String username, UUID agencyId, Set<String> roles, UUID tokenId) {

    public enum Kind {
        USER,
        TOKEN,
        SYSTEM,
        ANONYMOUS
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system", null, Set.of(), null);
    public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null, null, null, Set.of(), null);
}
