package org.tongxin.shared.web;

/**
 * The body of a command that needs nothing but the version the client read (or none, with {@code If-Match}): one
 * record for every such command, so the OpenAPI document has one {@code VersionRequest} schema.
 */
public record VersionRequest(Integer version) implements LockVersions.Versioned {}
