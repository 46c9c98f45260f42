package org.tongxin.supervision.move.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.agency.AgencyView;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseViews.CaseFacts;
import org.tongxin.document.DocumentNumbers;
import org.tongxin.document.DocumentTemplate;
import org.tongxin.document.Documents;
import org.tongxin.policy.PolicyModels;
import org.tongxin.shared.time.LegalTime;
import org.tongxin.supervision.move.PlaceChangeState;

/**
 * The documents of a change of the place of execution, in Chinese, stored with the case's documents and numbered with the
 * executing county agency's next number ({@link DocumentNumbers}): the consultation letter (征求意见函) to the new place's
 * agency when it is consulted, and the decision notice (变更执行地决定通知书) to the subject, copies to the organs, when
 * the agency decides (CCL art. 27; IM arts. 30, 31). The periods they name are the policy model's in force.
 */
@Component
public class PlaceChangeDocuments {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Documents documents;
    private final CaseDirectory cases;
    private final AgencyDirectory agencies;
    private final DocumentNumbers numbers;
    private final PolicyModels policies;
    private final MessageSource messages;

    PlaceChangeDocuments(
            Documents documents,
            CaseDirectory cases,
            AgencyDirectory agencies,
            DocumentNumbers numbers,
            PolicyModels policies,
            MessageSource messages) {
        this.documents = documents;
        this.cases = cases;
        this.agencies = agencies;
        this.numbers = numbers;
        this.policies = policies;
        this.messages = messages;
    }

    /** 社区矫正对象变更执行地征求意见函: to the new place's county agency, with its period to reply. */
    public UUID consultationLetter(PlaceChange change, CaseFacts facts, String contact, Instant now) {
        LocalDate today = LegalTime.dateOf(now);
        Map<String, String> v = common(change, facts, today);
        cases.subjectForDocuments(change.caseId())
                .ifPresent(s -> put(
                        v,
                        "birthDate",
                        s.birthDate() == null ? null : s.birthDate().toString()));
        put(v, "termStart", facts.termStart() == null ? null : facts.termStart().toString());
        put(v, "termEnd", facts.termEnd() == null ? null : facts.termEnd().toString());
        put(
                v,
                "intendedMoveOn",
                change.intendedMoveOn() == null ? null : change.intendedMoveOn().toString());
        put(v, "reason", change.reason());
        put(v, "replyDays", days(facts, "move.reply", today));
        put(v, "contact", contact);
        return documents
                .generate(
                        DocumentTemplate.PLACE_CHANGE_CONSULTATION,
                        change.caseId().value(),
                        v)
                .value();
    }

    /**
     * 社区矫正对象变更执行地决定通知书: to the subject, copies to the new place's agency, the decision organ and (approved)
     * the procuratorate and police of the place; approved, where and by when to report.
     */
    public UUID decisionNotice(PlaceChange change, CaseFacts facts, Instant now) {
        LocalDate today = LegalTime.dateOf(now);
        Map<String, String> v = common(change, facts, today);
        boolean approved = change.state() == PlaceChangeState.APPROVED;
        String newAgency = v.get("newAgencyName");
        v.put("decision", approved ? "同意将你的社区矫正执行地变更为" + newAgency + "所在地。" : "不同意变更你的社区矫正执行地，你仍在原执行地接受社区矫正。");
        put(v, "reason", change.decisionReason());
        if (approved) {
            String days = days(facts, "move.report", today);
            v.put(
                    "reportNotice",
                    "你应当自收到本通知书之日起" + (days == null ? "七" : days) + "日内到" + newAgency + "报到。逾期不报到的，将依法依规处理。");
            v.put(
                    "copyTo",
                    names(
                            facts.decisionOrganId(),
                            change.newCountyAgencyId(),
                            facts.procuratorateId(),
                            facts.policeId()));
        } else {
            v.put("copyTo", names(change.newCountyAgencyId(), facts.procuratorateId()));
        }
        return documents
                .generate(
                        DocumentTemplate.PLACE_CHANGE_DECISION, change.caseId().value(), v)
                .value();
    }

    private Map<String, String> common(PlaceChange change, CaseFacts facts, LocalDate today) {
        AgencyView issuer = agencies.get(change.formerCountyAgencyId());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("documentNumber", numbers.next(issuer.id().value(), issuer.abbreviation(), today));
        v.put("agencyName", issuer.nameZh());
        v.put("newAgencyName", agencies.get(change.newCountyAgencyId()).nameZh());
        cases.subjectForDocuments(change.caseId()).ifPresent(s -> {
            v.put("subjectName", s.name());
            if (s.gender() != null) {
                v.put(
                        "gender",
                        messages.getMessage(
                                "case.gender." + s.gender().name(),
                                null,
                                s.gender().name(),
                                ZH));
            }
            put(v, "idNumber", s.idNumber());
        });
        put(v, "judgmentNumber", facts.caseNumber());
        if (facts.correctionType() != null) {
            v.put(
                    "correctionType",
                    messages.getMessage(
                            "case.type." + facts.correctionType().name(),
                            null,
                            facts.correctionType().name(),
                            ZH));
        }
        v.put("issueDate", today.toString());
        return v;
    }

    /** The step's period in days in the case's policy in force (null when the region's catalogue has no amount). */
    private String days(CaseFacts facts, String stepId, LocalDate today) {
        return policies.inForce(facts.policyRegion(), today)
                .step(stepId)
                .map(s -> s.deadline().amount())
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .orElse(null);
    }

    private String names(AgencyId... ids) {
        return Stream.of(ids)
                .filter(Objects::nonNull)
                .distinct()
                .map(id -> agencies.get(id).nameZh())
                .collect(Collectors.joining("、"));
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isBlank()) {
            v.put(key, value);
        }
    }
}
