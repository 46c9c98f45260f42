package org.tongxin.procedure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyType;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.casefile.Charges;
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

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final DocumentNumbers numbers;
    private final Clock clock;

    IntakeDocuments(
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

    /** 调查评估委托函: the entrusting organ to the assessing agency. */
    public DocumentId entrustmentLetter(
            CaseId caseId, AgencyId court, AgencyId assessing, boolean expedited, LocalDate deadline, String contact) {
        Map<String, String> v = subjectValues(caseId);
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
        if (deadline != null) {
            v.put("deadlineDate", deadline.toString());
        }
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
        Map<String, String> v = subjectValues(caseId);
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
        Map<String, String> v = subjectValues(c.id());
        AgencyView organ = agencies.get(c.decisionOrganId());
        AgencyView county = agencies.get(c.countyAgencyId());
        v.put("decisionOrganName", organ.nameZh());
        put(v, "judgmentNumber", c.caseNumber());
        v.put("correctionType", label("case.type." + c.correctionType().name()));
        v.put("effectiveDate", c.effectiveDate().toString());
        v.put("deadlineDate", c.effectiveDate().plusDays(10).toString());
        v.put("agencyName", county.nameZh());
        put(v, "agencyAddress", county.address());
        put(v, "agencyPhone", county.phone());
        String copies = java.util.stream.Stream.of(c.countyAgencyId(), c.procuratorateId(), c.policeId())
                .filter(java.util.Objects::nonNull)
                .map(id -> agencies.get(id).nameZh())
                .collect(Collectors.joining("、"));
        v.put("copyTo", copies);
        issue(DocumentTemplate.REPORTING_NOTICE, c.id(), organ, v);
    }

    /** 社区矫正宣告书: read out at the entry announcement (CCL art. 22; IM art. 19). */
    public void entryAnnouncement(CaseFacts c) {
        if (issued(c.id(), DocumentTemplate.ENTRY_ANNOUNCEMENT)) {
            return;
        }
        Map<String, String> v = subjectValues(c.id());
        AgencyView county = agencies.get(c.countyAgencyId());
        v.put("agencyName", county.nameZh());
        v.put("decisionOrganName", agencies.get(c.decisionOrganId()).nameZh());
        put(v, "judgmentNumber", c.caseNumber());
        v.put("correctionType", label("case.type." + c.correctionType().name()));
        put(v, "termStart", c.termStart() == null ? null : c.termStart().toString());
        put(v, "termEnd", c.termEnd() == null ? null : c.termEnd().toString());
        String team = cases.teamForDocuments(c.id()).stream()
                .map(m -> m.name() + "（" + label("case.teamRole." + m.role().name()) + "）")
                .collect(Collectors.joining("\n"));
        put(v, "teamMembers", team.isEmpty() ? null : team);
        cases.announcementForDocuments(c.id()).ifPresent(a -> {
            v.put("announcementPlace", a.place());
            AgencyView host = a.hostAgencyId() == null ? county : agencies.get(a.hostAgencyId());
            v.put("announcer", host.nameZh());
        });
        v.put("issueDate", LegalTime.today(clock).toString());
        issue(DocumentTemplate.ENTRY_ANNOUNCEMENT, c.id(), county, v);
    }

    private DocumentId issue(DocumentTemplate template, CaseId caseId, AgencyView issuer, Map<String, String> v) {
        LocalDate today = LegalTime.today(clock);
        v.put("documentNumber", numbers.next(issuer.id().value(), issuer.abbreviation(), today));
        v.putIfAbsent("issueDate", today.toString());
        return documents.generate(template, caseId.value(), v);
    }

    private boolean issued(CaseId caseId, DocumentTemplate template) {
        return documents.ofCase(caseId.value()).stream()
                .map(DocumentInfo::template)
                .anyMatch(template::equals);
    }

    private Map<String, String> subjectValues(CaseId caseId) {
        Map<String, String> v = new LinkedHashMap<>();
        SubjectView s = cases.subjectForDocuments(caseId).orElseThrow();
        v.put("subjectName", s.name());
        if (s.gender() != null) {
            v.put("gender", label("case.gender." + s.gender().name()));
        }
        put(v, "birthDate", s.birthDate() == null ? null : s.birthDate().toString());
        put(v, "idNumber", s.idNumber());
        put(v, "address", s.residenceAddress());
        List<String> charges = cases.charges(caseId);
        if (!charges.isEmpty()) {
            v.put("charges", Charges.display(charges, ZH));
        }
        return v;
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
