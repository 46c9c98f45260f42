package org.tongxin.procedure.internal;

import static org.tongxin.casefile.CaseDocumentValues.put;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseDocumentValues;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentInfo;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.shared.time.LegalTime;

/**
 * Fills the intake's legal documents with the case's data and has the document module render and store them, each
 * with the issuing organ's next document number of the year ({@link DocumentNumbers}: 城东矫〔2026〕12号). Documents the system issues on an event (reporting notice,
 * entry announcement) are issued once per case, however often the event is delivered.
 */
@Component
public class IntakeDocuments {

    private final CaseDocumentValues values;
    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final Clock clock;

    IntakeDocuments(
            CaseDocumentValues values,
            Documents documents,
            CaseDirectory cases,
            AgencyDirectory agencies,
            Clock clock) {
        this.values = values;
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** 调查评估委托函: the entrusting organ to the assessing agency. */
    public DocumentId entrustmentLetter(
            CaseId caseId, AgencyId court, AgencyId assessing, boolean expedited, LocalDate deadline, String contact) {
        Map<String, String> v = values.subjectWithCharges(caseId);
        AgencyView from = agencies.get(court);
        AgencyView to = agencies.get(assessing);
        v.put("courtName", from.nameZh());
        v.put("agencyName", to.nameZh());
        cases.facts(caseId).map(CaseFacts::caseNumber).ifPresent(n -> v.put("caseNumber", n));
        v.put("intendedPlace", to.nameZh());
        // 并抄送: the procuratorate of the court's own level and place (CCL art. 18; IM art. 14).
        agencies.serving(AgencyType.PROCURATORATE, from.level(), from.divisionCode()).stream()
                .findFirst()
                .ifPresent(p -> v.put("procuratorateName", p.nameZh()));
        v.put("expedited", Boolean.toString(expedited));
        put(v, "deadlineDate", deadline);
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        return issue(DocumentTemplate.ENTRUSTMENT_LETTER, caseId, from, v);
    }

    /** 调查评估意见书: the assessing agency to the entrusting organ, copy to the procuratorate. */
    public DocumentId assessmentOpinion(
            CaseId caseId,
            AgencyId assessing,
            AgencyId court,
            AgencyId procuratorate,
            String findings,
            String opinion,
            String reasons,
            String contact) {
        Map<String, String> v = values.subjectWithCharges(caseId);
        AgencyView from = agencies.get(assessing);
        v.put("agencyName", from.nameZh());
        v.put("courtName", agencies.get(court).nameZh());
        if (procuratorate != null) {
            v.put("procuratorateName", agencies.get(procuratorate).nameZh());
        }
        v.put("findings", findings);
        v.put("opinion", opinion);
        v.put("reasons", reasons);
        put(v, "contact", contact);
        put(v, "contactPhone", from.phone());
        return issue(DocumentTemplate.ASSESSMENT_OPINION, caseId, from, v);
    }

    /** 社区矫正报到通知书: the decision organ tells the subject where and by when to report (CCL arts. 19, 21). */
    public void reportingNotice(CaseFacts c) {
        if (issued(c.id(), DocumentTemplate.REPORTING_NOTICE)) {
            return;
        }
        Map<String, String> v = values.subjectWithCharges(c.id());
        AgencyView organ = agencies.get(c.decisionOrganId());
        AgencyView county = agencies.get(c.countyAgencyId());
        v.put("decisionOrganName", organ.nameZh());
        put(v, "judgmentNumber", c.caseNumber());
        v.put("correctionType", values.label("case.type." + c.correctionType().name()));
        v.put("effectiveDate", c.effectiveDate().toString());
        v.put("deadlineDate", c.effectiveDate().plusDays(10).toString());
        v.put("agencyName", county.nameZh());
        put(v, "agencyAddress", county.address());
        put(v, "agencyPhone", county.phone());
        v.put("copyTo", values.names(Arrays.asList(c.countyAgencyId(), c.procuratorateId(), c.policeId())));
        issue(DocumentTemplate.REPORTING_NOTICE, c.id(), organ, v);
    }

    /** 社区矫正宣告书: read out at the entry announcement (CCL art. 22; IM art. 19). */
    public void entryAnnouncement(CaseFacts c) {
        if (issued(c.id(), DocumentTemplate.ENTRY_ANNOUNCEMENT)) {
            return;
        }
        Map<String, String> v = values.subjectWithCharges(c.id());
        AgencyView county = agencies.get(c.countyAgencyId());
        v.put("agencyName", county.nameZh());
        v.put("decisionOrganName", agencies.get(c.decisionOrganId()).nameZh());
        put(v, "judgmentNumber", c.caseNumber());
        v.put("correctionType", values.label("case.type." + c.correctionType().name()));
        put(v, "termStart", c.termStart());
        put(v, "termEnd", c.termEnd());
        String team = cases.teamForDocuments(c.id()).stream()
                .map(m -> m.name() + "（"
                        + values.label("case.teamRole." + m.role().name()) + "）")
                .collect(Collectors.joining("\n"));
        put(v, "teamMembers", team.isEmpty() ? null : team);
        cases.announcementForDocuments(c.id()).ifPresent(a -> {
            v.put("announcementPlace", a.place());
            AgencyView host = a.hostAgencyId() == null ? county : agencies.get(a.hostAgencyId());
            v.put("announcer", host.nameZh());
        });
        issue(DocumentTemplate.ENTRY_ANNOUNCEMENT, c.id(), county, v);
    }

    private DocumentId issue(DocumentTemplate template, CaseId caseId, AgencyView issuer, Map<String, String> v) {
        return values.issue(template, caseId, issuer, LegalTime.today(clock), v);
    }

    private boolean issued(CaseId caseId, DocumentTemplate template) {
        return documents.ofCase(caseId.value()).stream()
                .map(DocumentInfo::template)
                .anyMatch(template::equals);
    }
}
