package org.tongxin.policy;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A coordinator published a new version of a region's model; it applies to steps triggered on or after
 * {@code effectiveFrom} (steps already triggered keep the version they recorded).
 */
public record PolicyVersionPublished(String region, UUID versionId, LocalDate effectiveFrom) {}
