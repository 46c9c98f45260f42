package org.tongxin.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongxin.shared.crypto.EncryptedData;

/** The assessment module's encrypted facts, evidence, arrest reasons and ruling notes, for the key rotation. */
@Component
class AssessmentEncryptedData implements EncryptedData {

    @Override
    public List<SealedColumn> sealedColumns() {
        List<String> id = List.of("id");
        return List.of(
                SealedColumn.of("assessment_decision", id, "facts_enc", AssessmentRepository.DECISION_FACTS),
                SealedColumn.of("assessment_decision", id, "evidence_enc", AssessmentRepository.DECISION_EVIDENCE),
                SealedColumn.of("assessment_proposal", id, "facts_enc", AssessmentRepository.PROPOSAL_FACTS),
                SealedColumn.of("assessment_proposal", id, "evidence_enc", AssessmentRepository.PROPOSAL_EVIDENCE),
                SealedColumn.of("assessment_proposal", id, "arrest_reason_enc", AssessmentRepository.ARREST_REASON),
                SealedColumn.of("assessment_proposal", id, "ruling_note_enc", AssessmentRepository.RULING_NOTE),
                SealedColumn.of("assessment_periodic", id, "facts_enc", AssessmentRepository.PERIODIC_FACTS));
    }
}
