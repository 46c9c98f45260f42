package org.tongxin.procedure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.shared.time.LegalTime;

/**
 * Fills the documents of a case's end with its data — the termination certificate (解除社区矫正证明书, CCL art. 44) and
 * the notice of death (CCL arts. 45, 51) — and has the document module render and store them, numbered with the county
 * agency's next document number of the year ({@link DocumentNumbers}: 城东矫〔2026〕12号).
 */
@Component
public class EndingDocuments {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final DocumentNumbers numbers;
    private final Clock clock;

    EndingDocuments(
            Documents documents,
            CaseDirectory cases,
            AgencyDirectory agencies,
            MessageSource messages,
            DocumentNumbers numbers,
            Clock clock) {
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
        this.messages = messages;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** 解除社区矫正证明书: to the subject, copies to the decision organ, procuratorate and police. */
    public DocumentId certificate(CaseFacts c) {
        Map<String, String> v = common(c);
        put(v, "termStart", c.termStart() == null ? null : c.termStart().toString());
        put(v, "termEnd", c.termEnd() == null ? null : c.termEnd().toString());
        put(v, "endedOn", c.endedOn() == null ? null : c.endedOn().toString());
        v.put("reason", c.terminationReason() == TerminationReason.PARDON ? "被赦免" : "社区矫正期满");
        v.put("copyTo", copies(c.decisionOrganId(), c.procuratorateId(), c.policeId()));
        return issue(DocumentTemplate.TERMINATION_CERTIFICATE, c, "解矫", v);
    }

    /** 社区矫正对象死亡通知书: to the decision organ, copies to the procuratorate and police. */
    public DocumentId deathNotice(CaseFacts c) {
        Map<String, String> v = common(c);
        v.remove("termStart");
        put(v, "diedOn", c.endedOn() == null ? null : c.endedOn().toString());
        v.put("copyTo", copies(c.procuratorateId(), c.policeId(), c.handoverInstitutionId()));
        return issue(DocumentTemplate.DEATH_NOTICE, c, "死通", v);
    }

    private Map<String, String> common(CaseFacts c) {
        Map<String, String> v = new LinkedHashMap<>();
        SubjectView s = cases.subjectForDocuments(c.id()).orElseThrow();
        v.put("subjectName", s.name());
        if (s.gender() != null) {
            v.put("gender", label("case.gender." + s.gender().name()));
        }
        put(v, "birthDate", s.birthDate() == null ? null : s.birthDate().toString());
        put(v, "idNumber", s.idNumber());
        v.put("agencyName", agencies.get(c.countyAgencyId()).nameZh());
        v.put("decisionOrganName", agencies.get(c.decisionOrganId()).nameZh());
        put(v, "judgmentNumber", c.caseNumber());
        if (c.correctionType() != null) {
            v.put("correctionType", label("case.type." + c.correctionType().name()));
        }
        return v;
    }

    private DocumentId issue(DocumentTemplate template, CaseFacts c, String word, Map<String, String> v) {
        AgencyView issuer = agencies.get(c.countyAgencyId());
        LocalDate today = LegalTime.today(clock);
        v.put("documentNumber", numbers.next(issuer.id().value(), issuer.abbreviation(), today));
        v.put("issueDate", today.toString());
        return documents.generate(template, c.id().value(), v);
    }

    private String copies(AgencyId... ids) {
        return Stream.of(ids)
                .filter(Objects::nonNull)
                .map(id -> agencies.get(id).nameZh())
                .collect(Collectors.joining("、"));
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, ZH);
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }
}
