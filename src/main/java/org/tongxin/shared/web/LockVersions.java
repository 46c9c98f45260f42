package org.tongxin.shared.web;

import org.tongxin.shared.error.TongxinException;

/**
 * The version a client read, for optimistic locking (doc/style.md 12): from the request body's {@code version}, or else
 * from an {@code If-Match} header carrying the entity tag a read returned ({@code "3"}, {@code W/"3"} or {@code 3}).
 * Missing or unreadable: 400; a stale version is the command's own 409.
 */
public final class LockVersions {

    public static final String IF_MATCH = "If-Match";

    private LockVersions() {}

    /** A request body that may carry the version it read; its records declare {@code Integer version}. */
    public interface Versioned {
        Integer version();
    }

    /** As {@link #required(Integer, String)}, from a body that may be absent. */
    public static int required(Versioned body, String ifMatch) {
        return required(body == null ? null : body.version(), ifMatch);
    }

    /** The version to check, or 400 {@code version: required} when neither the body nor If-Match gives one. */
    public static int required(Integer bodyVersion, String ifMatch) {
        if (bodyVersion != null) {
            if (bodyVersion < 0) {
                throw TongxinException.invalid("version", "min", 0);
            }
            return bodyVersion;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw TongxinException.invalid("version", "required");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("[0-9]{1,9}")) {
            throw TongxinException.invalid(IF_MATCH, "type");
        }
        return Integer.parseInt(tag);
    }

    /** The entity tag of a version, as reads return it in {@code ETag}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
