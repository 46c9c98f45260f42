package org.tongxin.assistance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyView;
import org.tongxin.agency.Division;
import org.tongxin.assistance.AssistanceService;
import org.tongxin.assistance.ReferralId;
import org.tongxin.assistance.SharedField;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.casefile.CaseViews.SubjectView;
import org.tongxin.document.DocumentId;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.identity.TongxinPrincipal;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.time.LegalTime;

/**
 * The referral letter (帮扶转介函), in Chinese: it goes to the receiving department, so it prints only the subject's
 * fields the service shares with it (doc/security-requirements.md S8) and the answer period of the policy in force.
 */
@Component
public class ReferralLetters {

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final PolicyModels policies;
    private final DocumentNumbers numbers;

    ReferralLetters(
            Documents documents,
            CaseDirectory cases,
            AgencyDirectory agencies,
            PolicyModels policies,
            DocumentNumbers numbers) {
        this.numbers = numbers;
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
        this.policies = policies;
    }

    /** The letter's label of each shared field, in the wording of the official form. */
    private static final Map<SharedField, String> LABELS = Map.of(
            SharedField.NAME,
            "姓名",
            SharedField.GENDER,
            "性别",
            SharedField.BIRTH_DATE,
            "出生日期",
            SharedField.AGE,
            "年龄",
            SharedField.ID_NUMBER,
            "公民身份号码",
            SharedField.PHONE,
            "联系电话",
            SharedField.RESIDENCE_ADDRESS,
            "居住地",
            SharedField.RESIDENCE_DISTRICT,
            "居住地区",
            SharedField.GUARDIAN,
            "监护人");

    public DocumentId generate(
            ReferralId id,
            CaseId caseId,
            CaseFacts facts,
            AssistanceService service,
            AgencyView from,
            AgencyView to,
            String note,
            Instant now,
            TongxinPrincipal me) {
        Map<String, String> values = new LinkedHashMap<>();
        LocalDate today = LegalTime.dateOf(now);
        values.put("documentNumber", numbers.next(from.id().value(), from.abbreviation(), today));
        values.put("fromAgencyName", from.nameZh());
        values.put("toAgencyName", to.nameZh());
        if (facts.caseNumber() != null) {
            values.put("caseNumber", facts.caseNumber());
        }
        values.put("service", service.nameZh());
        Set<SharedField> shared = SharedField.of(service);
        SubjectView s = cases.subjectForDocuments(caseId).orElse(null);
        List<String> lines = new ArrayList<>();
        if (s != null) {
            SharedSubject.of(shared, s, today, this::division).forEach((f, value) -> {
                String line = label(
                        LABELS.get(f),
                        switch (value) {
                            case null -> null;
                            case org.tongxin.casefile.Gender g -> g == org.tongxin.casefile.Gender.MALE ? "男" : "女";
                            case Integer years -> years + " 岁";
                            default -> value.toString();
                        });
                if (line != null) {
                    lines.add(line);
                }
            });
        }
        values.put("subjectDetails", String.join("\n", lines));
        if (shared.contains(SharedField.REFERRAL_NOTE)) {
            values.put("referralNote", note);
        }
        policies.findInForce(facts.policyRegion(), today)
                .flatMap(p -> p.step("assist.answer"))
                .ifPresent(step -> values.put(
                        "answerDays", Integer.toString(step.deadline().amountFor(false))));
        String name = me.displayName() == null ? me.username() : me.displayName();
        values.put("contact", name);
        if (from.phone() != null) {
            values.put("contactPhone", from.phone());
        }
        values.put("issueDate", today.toString());
        return documents.generate(DocumentTemplate.REFERRAL_LETTER, caseId.value(), values);
    }

    private String division(String code) {
        return agencies.division(code).map(Division::nameZh).orElse(code);
    }

    private static String label(String label, String value) {
        return value == null || value.isBlank() ? null : label + "：" + value;
    }
}
