package org.tongxin.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeConfirmed;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeProposed;
import org.tongxin.casefile.SubjectChangeEvents.SubjectChangeRejected;
import org.tongxin.casefile.SubjectChangeId;
import org.tongxin.casefile.SubjectChangeStatus;
import org.tongxin.casefile.SubjectField;
import org.tongxin.identity.Participation;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;

/**
 * A proposed change of a subject's record without a database: proposed with one event per other case of the person,
 * confirmed or rejected once, a rejection only with a reason, and every refusal a code leaving the proposal as it was.
 */
class SubjectChangeTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final ActorRef CLERK = new ActorRef(UUID.randomUUID(), "书记员", UUID.randomUUID());
    static final ActorRef OFFICER = new ActorRef(UUID.randomUUID(), "矫正干部", UUID.randomUUID());
    static final AgencyId COURT = AgencyId.of(UUID.randomUUID());
    static final AgencyId COUNTY = AgencyId.of(UUID.randomUUID());
    static final CaseId NEW_CASE = CaseId.of(UUID.randomUUID());
    static final List<CaseId> OTHERS = List.of(CaseId.of(UUID.randomUUID()), CaseId.of(UUID.randomUUID()));
    static final Set<SubjectField> FIELDS = EnumSet.of(SubjectField.PHONE, SubjectField.RESIDENCE_ADDRESS);

    static SubjectChange proposed() {
        SubjectChange c = SubjectChange.propose(
                SubjectChangeId.random(),
                UUID.randomUUID(),
                NEW_CASE,
                COURT,
                "城西区人民法院",
                "Chengxi Court",
                FIELDS,
                OTHERS,
                NOW,
                CLERK);
        c.pullEvents();
        return c;
    }

    static TongxinException refusal(Runnable action) {
        try {
            action.run();
        } catch (TongxinException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aProposalIsOnTheTimelineOfEveryOtherCaseOfThePersonButNotOnTheNewCasesOwn() {
        SubjectChange c = SubjectChange.propose(
                SubjectChangeId.random(),
                UUID.randomUUID(),
                NEW_CASE,
                COURT,
                "城西区人民法院",
                "Chengxi Court",
                FIELDS,
                OTHERS,
                NOW,
                CLERK);
        assertThat(c.status()).isEqualTo(SubjectChangeStatus.PROPOSED);
        List<Object> events = c.pullEvents();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SubjectChangeProposed.class));
        assertThat(events)
                .extracting(e -> ((SubjectChangeProposed) e).caseId())
                .containsExactlyElementsOf(OTHERS)
                .doesNotContain(NEW_CASE);
        SubjectChangeProposed first = (SubjectChangeProposed) events.get(0);
        assertThat(first.timelineArgs())
                .containsEntry("by", "城西区人民法院")
                .containsEntry("fields", "联系电话、居住地址")
                .containsEntry("fieldsEn", "phone, residence address");
        assertThat(first.audience())
                .containsExactlyInAnyOrder(Participation.EXECUTING_AGENCY, Participation.ASSIGNED_OFFICE);
        assertThat(first.timelineArgs().values())
                .as("the values never reach the timeline")
                .noneMatch(v -> v.contains("139"));
    }

    @Test
    void nothingToProposeIsRefused() {
        assertThat(refusal(() -> SubjectChange.propose(
                                SubjectChangeId.random(),
                                UUID.randomUUID(),
                                NEW_CASE,
                                COURT,
                                "法院",
                                "Court",
                                Set.of(),
                                OTHERS,
                                NOW,
                                CLERK))
                        .code())
                .isEqualTo("SUBJECT_CHANGE_EMPTY");
        assertThat(refusal(() -> SubjectChange.propose(
                                SubjectChangeId.random(),
                                UUID.randomUUID(),
                                NEW_CASE,
                                COURT,
                                "法院",
                                "Court",
                                FIELDS,
                                List.of(),
                                NOW,
                                CLERK))
                        .code())
                .isEqualTo("SUBJECT_CHANGE_WITHOUT_CASE");
    }

    @Test
    void theExecutingAgencyConfirmsOnce() {
        SubjectChange c = proposed();
        c.confirm(COUNTY, "矫正干部", OTHERS, NOW, OFFICER);
        assertThat(c.status()).isEqualTo(SubjectChangeStatus.CONFIRMED);
        assertThat(c.decidedByAgency()).isEqualTo(COUNTY);
        assertThat(c.decidedAt()).isEqualTo(NOW);
        assertThat(c.pullEvents()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SubjectChangeConfirmed.class));
        TongxinException again = refusal(() -> c.confirm(COUNTY, "矫正干部", OTHERS, NOW, OFFICER));
        assertThat(again.code()).isEqualTo("SUBJECT_CHANGE_DECIDED");
        assertThat(again.status().value()).isEqualTo(409);
        assertThat(refusal(() -> c.reject("号码有误，不予变更", COUNTY, "矫正干部", OTHERS, NOW, OFFICER))
                        .code())
                .isEqualTo("SUBJECT_CHANGE_DECIDED");
        assertThat(c.status()).isEqualTo(SubjectChangeStatus.CONFIRMED);
        assertThat(c.pullEvents()).isEmpty();
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsIt() {
        SubjectChange c = proposed();
        TongxinException none = refusal(() -> c.reject("  ", COUNTY, "矫正干部", OTHERS, NOW, OFFICER));
        assertThat(none.status().value()).isEqualTo(400);
        assertThat(none.fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("required"));
        assertThat(refusal(() -> c.reject("太短", COUNTY, "矫正干部", OTHERS, NOW, OFFICER))
                        .fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("minLength"));
        assertThat(refusal(() -> c.reject("长".repeat(501), COUNTY, "矫正干部", OTHERS, NOW, OFFICER))
                        .fieldProblems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("maxLength"));
        assertThat(c.status()).as("refusals change nothing").isEqualTo(SubjectChangeStatus.PROPOSED);
        assertThat(c.pullEvents()).isEmpty();

        c.reject("  电话号码已核实为原号码  ", COUNTY, "矫正干部", OTHERS, NOW, OFFICER);
        assertThat(c.status()).isEqualTo(SubjectChangeStatus.REJECTED);
        assertThat(c.rejectionReason()).isEqualTo("电话号码已核实为原号码");
        assertThat(c.pullEvents()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SubjectChangeRejected.class));
        assertThat(refusal(() -> c.confirm(COUNTY, "矫正干部", OTHERS, NOW, OFFICER))
                        .code())
                .isEqualTo("SUBJECT_CHANGE_DECIDED");
    }

    @Test
    void theFieldsNamesReadInBothLanguagesInTheRecordsOrder() {
        assertThat(SubjectField.listZh(EnumSet.of(SubjectField.HEALTH, SubjectField.NAME)))
                .isEqualTo("姓名、健康状况");
        assertThat(SubjectField.listEn(EnumSet.of(SubjectField.HEALTH, SubjectField.NAME)))
                .isEqualTo("name, health");
        assertThatThrownBy(() -> SubjectField.valueOf("ID_NUMBER"))
                .as("the identity number is never proposed")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
