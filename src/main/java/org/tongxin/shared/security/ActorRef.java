package org.tongxin.shared.security;

import java.util.UUID;

/** Who did something, as events and timelines record it (no roles, nothing secret). Null user = the system. */
public record ActorRef(UUID userId, String name, UUID agencyId) {

    public static final ActorRef SYSTEM = new ActorRef(null, "system", null);
}
