package org.tongxin.casefile.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;

/**
 * Stores the subject of a new case: a person already known (by the keyed hash of their identity number, under any live
 * key, asked of the owner's lookup function across all cases) keeps their record, updated with what was entered now;
 * anyone else gets a new one. Also encrypts the offence details onto the case.
 */
@Component
public class SubjectWriter {

    private final CaseRepository cases;
    private final SubjectCodec codec;

    SubjectWriter(CaseRepository cases, SubjectCodec codec) {
        this.cases = cases;
        this.codec = codec;
    }

    public UUID subject(SubjectData data, Instant now) {
        Optional<UUID> known = cases.subjectByIdHash(codec.idHashes(data.idNumber()));
        if (known.isPresent()) {
            UUID id = known.get();
            // The record is updated as the writer's agency, which sees it once the new case names its agency as a party:
            // at the end of this transaction, when the case is stored.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    CaseRepository.SubjectRow existing = cases.subject(id).orElseThrow(() -> new IllegalStateException(
                            "The known subject is not linked to the new case"));
                    cases.updateSubject(codec.encode(existing.id(), data, existing.version()), now);
                }
            });
            return id;
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
