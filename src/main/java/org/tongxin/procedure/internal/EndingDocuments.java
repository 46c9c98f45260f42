package org.tongxin.procedure.internal;

import static org.tongxin.casefile.CaseDocumentValues.put;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.casefile.CaseDocumentValues;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.TerminationReason;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.shared.time.LegalTime;

/**
 * Fills the documents of a case's end with its data — the termination certificate (解除社区矫正证明书, CCL art. 44) and
 * the notice of death (CCL arts. 45, 51) — and has the document module render and store them, numbered with the county
 * agency's next document number of the year ({@link DocumentNumbers}: 城东矫〔2026〕12号).
 */
@Component
public class EndingDocuments {

    private final CaseDocumentValues values;
    private final AgencyDirectory agencies;
    private final Clock clock;

    EndingDocuments(CaseDocumentValues values, AgencyDirectory agencies, Clock clock) {
        this.values = values;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** 解除社区矫正证明书: to the subject, copies to the decision organ, procuratorate and police. */
    public DocumentId certificate(CaseFacts c) {
        Map<String, String> v = common(c);
        put(v, "termStart", c.termStart());
        put(v, "termEnd", c.termEnd());
        put(v, "endedOn", c.endedOn());
        v.put("reason", c.terminationReason() == TerminationReason.PARDON ? "被赦免" : "社区矫正期满");
        v.put("copyTo", values.names(Arrays.asList(c.decisionOrganId(), c.procuratorateId(), c.policeId())));
        return issue(DocumentTemplate.TERMINATION_CERTIFICATE, c, v);
    }

    /** 社区矫正对象死亡通知书: to the decision organ, copies to the procuratorate and police. */
    public DocumentId deathNotice(CaseFacts c) {
        Map<String, String> v = common(c);
        put(v, "diedOn", c.endedOn());
        v.put("copyTo", values.names(Arrays.asList(c.procuratorateId(), c.policeId(), c.handoverInstitutionId())));
        return issue(DocumentTemplate.DEATH_NOTICE, c, v);
    }

    private Map<String, String> common(CaseFacts c) {
        Map<String, String> v = values.subject(c.id());
        v.put("agencyName", values.name(c.countyAgencyId()));
        v.put("decisionOrganName", values.name(c.decisionOrganId()));
        put(v, "judgmentNumber", c.caseNumber());
        if (c.correctionType() != null) {
            v.put(
                    "correctionType",
                    values.label("case.type." + c.correctionType().name()));
        }
        return v;
    }

    private DocumentId issue(DocumentTemplate template, CaseFacts c, Map<String, String> v) {
        return values.issue(template, c.id(), agencies.get(c.countyAgencyId()), LegalTime.today(clock), v);
    }
}
