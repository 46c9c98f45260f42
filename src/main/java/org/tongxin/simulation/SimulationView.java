package org.tongxin.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A run as its pages and the API show it: status, progress, what it was asked (with the seed) and what it did. */
public record SimulationView(
        UUID id,
        String name,
        SimulationStatus status,
        double progress,
        long seed,
        String region,
        LocalDate firstMonth,
        int months,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer cases,
        Long obligations,
        String failure,
        int version,
        SimulationRequest parameters) {}
