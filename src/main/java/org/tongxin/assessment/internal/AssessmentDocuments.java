package org.tongxin.assessment.internal;

import static org.tongxin.casefile.CaseDocumentValues.put;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseDocumentValues;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentTemplate;

/**
 * The Chinese documents of the county agency's responses: the warning decision (警告决定书) it issues, and the
 * revocation or custody proposal (撤销建议书), the police penalty proposal (提请治安管理处罚建议书) and the sentence
 * reduction proposal (减刑建议书) it sends by handover. Both are stored on the case, so every
 * party who may read the case's documents finds them there (document/templates/*.txt hold the wording).
 */
@Component
public class AssessmentDocuments {

    private final CaseDocumentValues values;
    private final AgencyDirectory agencies;

    AssessmentDocuments(CaseDocumentValues values, AgencyDirectory agencies) {
        this.values = values;
        this.agencies = agencies;
    }

    /** 警告决定书: the county agency to the subject, copy to the procuratorate (CCL art. 28). */
    public DocumentId warningDecision(
            CaseFacts c,
            UUID decisionId,
            AgencyId issuer,
            Collection<ReasonCode> reasons,
            String facts,
            String evidence,
            LocalDate today) {
        Map<String, String> v = subjectValues(c);
        AgencyView from = agencies.get(issuer);
        v.put("agencyName", from.nameZh());
        v.put("facts", facts);
        v.put("reasons", reasons(reasons));
        put(v, "evidence", evidence);
        if (c.procuratorateId() != null) {
            v.put("procuratorateName", agencies.get(c.procuratorateId()).nameZh());
        }
        return values.issue(DocumentTemplate.WARNING_DECISION, c.id(), from, today, v);
    }

    /** 社区矫正撤销建议书: the county agency to the court or decision organ, copies to procuratorate and police. */
    public DocumentId proposal(
            CaseFacts c,
            UUID proposalId,
            ResponseKind kind,
            AgencyId issuer,
            AgencyId receiver,
            Collection<ReasonCode> reasons,
            String facts,
            String evidence,
            String arrestReason,
            String contact,
            LocalDate today) {
        Map<String, String> v = subjectValues(c);
        AgencyView from = agencies.get(issuer);
        v.put("agencyName", from.nameZh());
        v.put("receiverName", agencies.get(receiver).nameZh());
        put(v, "caseNumber", c.caseNumber());
        v.put("proposal", proposalWords(kind, c.correctionType()));
        v.put("facts", facts);
        v.put("reasons", reasons(reasons));
        v.put("evidence", evidence);
        put(v, "arrestReason", arrestReason);
        put(v, "copyTo", values.names(Arrays.asList(c.procuratorateId(), c.policeId())));
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        return values.issue(DocumentTemplate.REVOCATION_PROPOSAL, c.id(), from, today, v);
    }

    /**
     * 提请治安管理处罚建议书 (police penalty, CCL art. 28; IM art. 36) or 减刑建议书 (sentence reduction, CCL art. 33): the
     * county agency to the police of the same level or to the intermediate court, with the given copies.
     */
    public DocumentId letter(
            CaseFacts c,
            UUID proposalId,
            ResponseKind kind,
            AgencyId issuer,
            AgencyId receiver,
            Collection<ReasonCode> reasons,
            String facts,
            String evidence,
            List<AgencyId> copies,
            String contact,
            LocalDate today) {
        Map<String, String> v = subjectValues(c);
        AgencyView from = agencies.get(issuer);
        v.put("agencyName", from.nameZh());
        v.put("receiverName", agencies.get(receiver).nameZh());
        put(v, "caseNumber", c.caseNumber());
        v.put("facts", facts);
        v.put("reasons", reasons(reasons));
        v.put("evidence", evidence);
        put(v, "copyTo", values.names(copies));
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        if (kind == ResponseKind.COMMUTATION) {
            put(v, "termStart", c.termStart());
            put(v, "termEnd", c.termEnd());
            return values.issue(DocumentTemplate.COMMUTATION_PROPOSAL, c.id(), from, today, v);
        }
        return values.issue(DocumentTemplate.POLICE_PENALTY_PROPOSAL, c.id(), from, today, v);
    }

    private static String proposalWords(ResponseKind kind, CorrectionType type) {
        if (kind == ResponseKind.CUSTODY) {
            return "对其收监执行";
        }
        return type == CorrectionType.PAROLE ? "撤销假释" : "撤销缓刑";
    }

    private Map<String, String> subjectValues(CaseFacts c) {
        Map<String, String> v = values.subjectWithCharges(c.id());
        v.put("correctionType", values.label("case.type." + c.correctionType().name()));
        return v;
    }

    private String reasons(Collection<ReasonCode> reasons) {
        return reasons.stream()
                .map(r -> values.label("assessment.reason." + r.name()))
                .collect(Collectors.joining("、"));
    }
}
