package org.tongxin.supervision.move.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.shared.security.ActorRef;
import org.tongxin.supervision.move.PlaceChangeEvents.DocumentsForwardedAtNewPlace;
import org.tongxin.supervision.move.PlaceChangeEvents.NewAgencyConsulted;
import org.tongxin.supervision.move.PlaceChangeEvents.NewAgencyReplied;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeApplied;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeDecided;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeFileSent;
import org.tongxin.supervision.move.PlaceChangeEvents.PlaceChangeTransferred;
import org.tongxin.supervision.move.PlaceChangeEvents.SubjectReportedAtNewPlace;
import org.tongxin.supervision.move.PlaceChangeState;

/** Every transition and refusal of a change of the place of execution, without Spring. */
class PlaceChangeTests {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final ActorRef ACTOR = new ActorRef(UUID.randomUUID(), "officer", UUID.randomUUID());
    static final AgencyId OLD = AgencyId.of(UUID.randomUUID());
    static final AgencyId NEW = AgencyId.of(UUID.randomUUID());

    static PlaceChange applied() {
        PlaceChange c = PlaceChange.apply(
                CaseId.of(UUID.randomUUID()), OLD, NEW, LocalDate.parse("2026-04-01"), " 随子女迁居 ", NOW, ACTOR);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(PlaceChangeApplied.class);
        return c;
    }

    static PlaceChange accepted() {
        PlaceChange c = applied();
        c.consult(NOW, ACTOR);
        c.reply(true, null, NOW, ACTOR);
        c.pullEvents();
        return c;
    }

    static PlaceChange approved() {
        PlaceChange c = accepted();
        c.decide(true, null, NOW, ACTOR);
        c.pullEvents();
        return c;
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    static void invalid(Runnable action, String... codes) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.code())
                                .containsExactly(codes));
    }

    @Test
    void anApplicationNeedsTheNewCountyTheDateAndAReasonAndAnotherCounty() {
        CaseId caseId = CaseId.of(UUID.randomUUID());
        invalid(() -> PlaceChange.apply(caseId, OLD, null, null, " ", NOW, ACTOR), "required", "required", "required");
        invalid(
                () -> PlaceChange.apply(caseId, OLD, NEW, LocalDate.parse("2026-04-01"), "长".repeat(501), NOW, ACTOR),
                "maxLength");
        refused(
                () -> PlaceChange.apply(caseId, OLD, OLD, LocalDate.parse("2026-04-01"), "迁居", NOW, ACTOR),
                422,
                "PLACE_CHANGE_SAME_COUNTY");
        PlaceChange c = applied();
        assertThat(c.state()).isEqualTo(PlaceChangeState.APPLIED);
        assertThat(c.reason()).isEqualTo("随子女迁居");
        assertThat(c.formerCountyAgencyId()).isEqualTo(OLD);
    }

    @Test
    void theNewAgencyIsConsultedOnce() {
        PlaceChange c = applied();
        c.consult(NOW, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.CONSULTING);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(NewAgencyConsulted.class);
        refused(() -> c.consult(NOW, ACTOR), 409, "PLACE_CHANGE_NOT_APPLIED");
    }

    @Test
    void theReplyComesOnlyAfterTheConsultationAndARefusalGivesReasons() {
        PlaceChange c = applied();
        refused(() -> c.reply(true, null, NOW, ACTOR), 409, "PLACE_CHANGE_NOT_CONSULTING");
        c.consult(NOW, ACTOR);
        c.pullEvents();
        invalid(() -> c.reply(null, null, NOW, ACTOR), "required");
        invalid(() -> c.reply(false, "  ", NOW, ACTOR), "required");
        assertThat(c.state()).isEqualTo(PlaceChangeState.CONSULTING);
        c.reply(false, "无固定住所", NOW, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.REFUSED);
        assertThat(c.replyReason()).isEqualTo("无固定住所");
        assertThat(c.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        NewAgencyReplied.class, e -> assertThat(e.accepted()).isFalse());
        refused(() -> c.reply(true, null, NOW, ACTOR), 409, "PLACE_CHANGE_NOT_CONSULTING");
    }

    @Test
    void whatTheNewAgencyRefusedCannotBeApprovedOnlyRefused() {
        PlaceChange c = applied();
        c.consult(NOW, ACTOR);
        c.reply(false, "无固定住所", NOW, ACTOR);
        c.pullEvents();
        refused(() -> c.decide(true, null, NOW, ACTOR), 422, "PLACE_CHANGE_REFUSED_BY_NEW_AGENCY");
        invalid(() -> c.decide(false, null, NOW, ACTOR), "required");
        c.decide(false, "新执行地不同意接收", NOW, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.NOT_APPROVED);
        assertThat(c.state().open()).isFalse();
        assertThat(c.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        PlaceChangeDecided.class, e -> assertThat(e.approved()).isFalse());
        refused(c::requireFileUnsent, 409, "PLACE_CHANGE_NOT_APPROVED");
    }

    @Test
    void theDecisionComesAfterTheReplyAndOnce() {
        PlaceChange c = applied();
        refused(() -> c.decide(true, null, NOW, ACTOR), 409, "PLACE_CHANGE_NO_REPLY");
        PlaceChange a = accepted();
        invalid(() -> a.decide(null, null, NOW, ACTOR), "required");
        a.decide(true, null, NOW, ACTOR);
        assertThat(a.state()).isEqualTo(PlaceChangeState.APPROVED);
        assertThat(a.decidedAt()).isEqualTo(NOW);
        assertThat(a.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        PlaceChangeDecided.class, e -> assertThat(e.approved()).isTrue());
        refused(() -> a.decide(false, "改变主意", NOW, ACTOR), 409, "PLACE_CHANGE_NO_REPLY");
    }

    @Test
    void theFileIsSentOnceAfterApprovalAndItsReceiptMovesTheChange() {
        PlaceChange early = accepted();
        refused(() -> early.fileSent(HandoverId.of(UUID.randomUUID()), NOW, ACTOR), 409, "PLACE_CHANGE_NOT_APPROVED");
        PlaceChange c = approved();
        refused(() -> c.transferred(NOW, ACTOR), 409, "PLACE_CHANGE_FILE_NOT_SENT");
        HandoverId handover = HandoverId.of(UUID.randomUUID());
        c.fileSent(handover, NOW, ACTOR);
        assertThat(c.fileHandoverId()).isEqualTo(handover);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(PlaceChangeFileSent.class);
        refused(() -> c.fileSent(HandoverId.of(UUID.randomUUID()), NOW, ACTOR), 409, "PLACE_CHANGE_FILE_ALREADY_SENT");
        c.transferred(NOW, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.TRANSFERRED);
        assertThat(c.pullEvents()).singleElement().isInstanceOfSatisfying(PlaceChangeTransferred.class, e -> {
            assertThat(e.formerCountyAgencyId()).isEqualTo(OLD);
            assertThat(e.newCountyAgencyId()).isEqualTo(NEW);
        });
        refused(() -> c.transferred(NOW, ACTOR), 409, "PLACE_CHANGE_FILE_NOT_SENT");
    }

    @Test
    void theSubjectReportsAtTheNewPlaceOnceAfterTheTransfer() {
        PlaceChange c = approved();
        refused(() -> c.reported(NOW, NOW, ACTOR), 409, "PLACE_CHANGE_NOT_TRANSFERRED");
        c.fileSent(HandoverId.of(UUID.randomUUID()), NOW, ACTOR);
        c.transferred(NOW, ACTOR);
        c.pullEvents();
        invalid(() -> c.reported(null, NOW, ACTOR), "required");
        invalid(() -> c.reported(NOW.plusSeconds(60), NOW, ACTOR), "past");
        invalid(() -> c.reported(NOW.minusSeconds(60), NOW, ACTOR), "beforeDecision");
        c.reported(NOW, NOW, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.REPORTED);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(SubjectReportedAtNewPlace.class);
        refused(() -> c.reported(NOW, NOW, ACTOR), 409, "PLACE_CHANGE_NOT_TRANSFERRED");
    }

    @Test
    void aReportEnteredToTheMinuteOfTheDecisionItselfIsNotBeforeIt() {
        PlaceChange c = accepted();
        Instant decided = NOW.plusSeconds(40);
        c.decide(true, null, decided, ACTOR);
        c.fileSent(HandoverId.of(UUID.randomUUID()), decided, ACTOR);
        c.transferred(decided, ACTOR);
        invalid(() -> c.reported(NOW.minusSeconds(1), decided, ACTOR), "beforeDecision");
        c.reported(NOW, decided, ACTOR);
        assertThat(c.state()).isEqualTo(PlaceChangeState.REPORTED);
    }

    @Test
    void theNewAgencyForwardsTheDocumentsOnceAfterTheTransferBeforeOrAfterTheReport() {
        PlaceChange c = approved();
        refused(() -> c.forwarded(HandoverId.of(UUID.randomUUID()), NOW, ACTOR), 409, "PLACE_CHANGE_NOT_TRANSFERRED");
        c.fileSent(HandoverId.of(UUID.randomUUID()), NOW, ACTOR);
        c.transferred(NOW, ACTOR);
        c.reported(NOW, NOW, ACTOR);
        c.pullEvents();
        HandoverId handover = HandoverId.of(UUID.randomUUID());
        c.forwarded(handover, NOW, ACTOR);
        assertThat(c.forwardHandoverId()).isEqualTo(handover);
        assertThat(c.state()).as("forwarding leaves the state as it was").isEqualTo(PlaceChangeState.REPORTED);
        assertThat(c.pullEvents()).singleElement().isInstanceOf(DocumentsForwardedAtNewPlace.class);
        refused(c::requireForwardable, 409, "PLACE_CHANGE_ALREADY_FORWARDED");
    }
}
