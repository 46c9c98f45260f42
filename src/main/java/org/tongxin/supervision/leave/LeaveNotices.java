package org.tongxin.supervision.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.LeaveApprover;

/**
 * The leave approval notice (社区矫正对象外出审批通知书), in Chinese, stored with the case's documents: who approved, where
 * to, from when to when, the duty to report back; a copy to the procuratorate when the agency one level up approved.
 */
@Component
public class LeaveNotices {

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;

    private final DocumentNumbers numbers;

    LeaveNotices(Documents documents, CaseDirectory cases, AgencyDirectory agencies, DocumentNumbers numbers) {
        this.numbers = numbers;
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
    }

    public UUID generate(LeaveRequest leave, CaseFacts facts, TongxinPrincipal approver, Instant now) {
        LocalDate today = LegalTime.dateOf(now);
        AgencyView agency = agencies.get(leave.approvingAgency());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("documentNumber", numbers.next(agency.id().value(), agency.abbreviation(), today));
        values.put("agencyName", agency.nameZh());
        cases.subjectForDocuments(leave.caseId()).ifPresent(s -> values.put("subjectName", s.name()));
        if (facts.caseNumber() != null) {
            values.put("caseNumber", facts.caseNumber());
        }
        values.put("destination", leave.destination());
        values.put("reason", leave.reason());
        values.put("departOn", leave.departOn().toString());
        values.put("returnOn", leave.returnOn().toString());
        values.put("days", Integer.toString(leave.days()));
        values.put(
                "approverLevel",
                switch (leave.approver()) {
                    case JUDICIAL_OFFICE -> "司法所（受县级社区矫正机构委托）";
                    case COUNTY_AGENCY -> "县级社区矫正机构";
                    case SUPERIOR_AGENCY -> "上一级社区矫正机构";
                });
        if (leave.extensions() > 0) {
            values.put("extension", "你在外出期满前申请延期，经审查同意，外出期限延长至" + leave.returnOn() + "。");
        }
        if (leave.approver() == LeaveApprover.SUPERIOR_AGENCY && facts.procuratorateId() != null) {
            agencies.find(facts.procuratorateId()).ifPresent(p -> values.put("copyTo", p.nameZh()));
        }
        values.put("issueDate", today.toString());
        return documents
                .generate(DocumentTemplate.LEAVE_APPROVAL, leave.caseId().value(), values)
                .value();
    }
}
