package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.shared.jdbc.RowSecurity;

/**
 * Stores the subject of a new case: a person already known (by the keyed hash of their identity number, looked up
 * across all cases with system scope) keeps their record, updated with what was entered now; anyone else gets a new
 * one. Also encrypts the offence details onto the case.
 */
@Component
public class SubjectWriter {

    private final CaseRepository cases;
    private final SubjectCodec codec;
    private final JdbcClient jdbc;

    SubjectWriter(CaseRepository cases, SubjectCodec codec, JdbcClient jdbc) {
        this.cases = cases;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    public UUID subject(SubjectData data, Instant now) {
        byte[] hash = codec.idHash(data.idNumber());
        Optional<UUID> known = RowSecurity.asSystem(jdbc, () -> cases.subjectByIdHash(hash));
        if (known.isPresent()) {
            CaseRepository.SubjectRow existing = RowSecurity.asSystem(jdbc, () -> cases.subject(known.get())).orElseThrow();
            RowSecurity.asSystem(jdbc, () -> {
                cases.updateSubject(codec.encode(existing.id(), data, existing.version()), now);
                return null;
            });
            return existing.id();
        }
        UUID id = UUID.randomUUID();
        cases.insertSubject(codec.encode(id, data, 0), now);
        return id;
    }

    public void offence(CorrectionCase c, OffenceData offence, LocalDate birthDate) {
        c.offence(offence.category(), codec.encrypt(offence.details(), SubjectCodec.OFFENCE), offence.offenceDate(),
                CaseRules.minorAt(birthDate, offence.offenceDate()));
    }
}
