package org.tongxin.policy;

import java.time.LocalDate;
import java.util.UUID;

/** Which version of which region's model: what an obligation records so it can always say which rule applied. */
public record PolicyVersionRef(UUID versionId, String region, int number, LocalDate effectiveFrom, boolean published) {}
