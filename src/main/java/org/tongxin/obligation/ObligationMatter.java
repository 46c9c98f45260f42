package org.tongxin.obligation;

import java.util.Objects;
import java.util.UUID;

/**
 * What an obligation without a case is about: a decision of a joint meeting on a topic, or a conflict raised about a
 * procedure (the coordination module's ids). The inbox links such a line to the page of its matter.
 */
public record ObligationMatter(Kind kind, UUID id) {

    public ObligationMatter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The kinds of matter, with the page that shows one. */
    public enum Kind {
        /** A joint-meeting decision (联席会议决定). */
        MEETING_DECISION("/decisions/"),
        /** A conflict in the register. */
        CONFLICT("/conflicts/");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** The page of a matter of this kind. */
        public String path(UUID id) {
            return path + id;
        }
    }

    public static ObligationMatter decision(UUID decisionId) {
        return new ObligationMatter(Kind.MEETING_DECISION, decisionId);
    }

    public static ObligationMatter conflict(UUID conflictId) {
        return new ObligationMatter(Kind.CONFLICT, conflictId);
    }

    /** The page that shows the matter. */
    public String path() {
        return kind.path(id);
    }
}
