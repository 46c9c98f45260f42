package org.tongxin.assessment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.assessment.ReasonCode;
import org.tongxin.assessment.ResponseKind;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;

/**
 * The Chinese documents of the county agency's responses: the warning decision (警告决定书) it issues, and the
 * revocation or custody proposal (撤销建议书), the police penalty proposal (提请治安管理处罚建议书) and the sentence
 * reduction proposal (减刑建议书) it sends by handover. Both are stored on the case, so every
 * party who may read the case's documents finds them there (document/templates/*.txt hold the wording).
 */
@Component
public class AssessmentDocuments {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final DocumentNumbers numbers;

    AssessmentDocuments(
            Documents documents,
            CaseDirectory cases,
            AgencyDirectory agencies,
            MessageSource messages,
            DocumentNumbers numbers) {
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
        this.messages = messages;
        this.numbers = numbers;
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
        return issue(DocumentTemplate.WARNING_DECISION, c, from, "警", decisionId, today, v);
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
        String copies = List.of(c.procuratorateId(), c.policeId()).stream()
                .filter(Objects::nonNull)
                .map(id -> agencies.get(id).nameZh())
                .collect(Collectors.joining("、"));
        put(v, "copyTo", copies.isEmpty() ? null : copies);
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        return issue(DocumentTemplate.REVOCATION_PROPOSAL, c, from, "撤", proposalId, today, v);
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
        String copyTo = copies.stream()
                .filter(Objects::nonNull)
                .map(id -> agencies.get(id).nameZh())
                .collect(Collectors.joining("、"));
        put(v, "copyTo", copyTo.isEmpty() ? null : copyTo);
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        if (kind == ResponseKind.COMMUTATION) {
            put(v, "termStart", c.termStart() == null ? null : c.termStart().toString());
            put(v, "termEnd", c.termEnd() == null ? null : c.termEnd().toString());
            return issue(DocumentTemplate.COMMUTATION_PROPOSAL, c, from, "减", proposalId, today, v);
        }
        return issue(DocumentTemplate.POLICE_PENALTY_PROPOSAL, c, from, "罚", proposalId, today, v);
    }

    private DocumentId issue(
            DocumentTemplate template,
            CaseFacts c,
            AgencyView issuer,
            String word,
            UUID id,
            LocalDate today,
            Map<String, String> v) {
        v.put("documentNumber", numbers.next(issuer.id().value(), issuer.abbreviation(), today));
        v.put("issueDate", today.toString());
        return documents.generate(template, c.id().value(), v);
    }

    private static String proposalWords(ResponseKind kind, CorrectionType type) {
        if (kind == ResponseKind.CUSTODY) {
            return "对其收监执行";
        }
        return type == CorrectionType.PAROLE ? "撤销假释" : "撤销缓刑";
    }

    private Map<String, String> subjectValues(CaseFacts c) {
        Map<String, String> v = new LinkedHashMap<>();
        SubjectView s = cases.subjectForDocuments(c.id()).orElseThrow();
        v.put("subjectName", s.name());
        if (s.gender() != null) {
            v.put("gender", label("case.gender." + s.gender().name()));
        }
        put(v, "birthDate", s.birthDate() == null ? null : s.birthDate().toString());
        put(v, "idNumber", s.idNumber());
        put(v, "address", s.residenceAddress());
        v.put("correctionType", label("case.type." + c.correctionType().name()));
        java.util.List<String> charges = cases.charges(c.id());
        if (!charges.isEmpty()) {
            v.put("charges", org.tongxin.casefile.Charges.display(charges, ZH));
        }
        return v;
    }

    private String reasons(Collection<ReasonCode> reasons) {
        return reasons.stream().map(r -> label("assessment.reason." + r.name())).collect(Collectors.joining("、"));
    }

    private String label(String key) {
        return messages.getMessage(key, null, ZH);
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }
}
