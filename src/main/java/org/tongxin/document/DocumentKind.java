package org.tongxin.document;

/** Where a document came from. */
public enum DocumentKind {
    /** Rendered by Tongxin from a {@link DocumentTemplate}. */
    GENERATED,
    /** A file a user uploaded for the case. */
    UPLOADED
}
