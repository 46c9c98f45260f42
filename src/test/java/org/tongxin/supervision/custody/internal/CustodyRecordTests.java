package org.tongxin.supervision.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CustodyKind;
import org.tongxin.exchange.HandoverId;
import org.tongxin.shared.error.TongxinException;
import org.tongxin.supervision.custody.CustodyEvents.CustodyEnded;
import org.tongxin.supervision.custody.CustodyEvents.CustodyNoticeGiven;
import org.tongxin.supervision.custody.CustodyEvents.CustodyRecorded;

/** Every transition and refusal of a detention during correction, without Spring. */
class CustodyRecordTests {

    static final Instant DETAINED = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-01T06:00:00Z");

    static CustodyRecord held() {
        CustodyRecord r = CustodyRecord.record(
                CaseId.of(UUID.randomUUID()),
                CustodyKind.ADMINISTRATIVE_DETENTION,
                AgencyId.of(UUID.randomUUID()),
                DETAINED,
                NOW);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(CustodyRecorded.class);
        return r;
    }

    static void refused(Runnable action, int status, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(TongxinException.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void theNoticeIsGivenOnce() {
        CustodyRecord r = held();
        HandoverId handover = HandoverId.of(UUID.randomUUID());
        r.requireNoNotice();
        r.noticeGiven(handover, NOW);
        assertThat(r.noticeHandoverId()).isEqualTo(handover);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(CustodyNoticeGiven.class);
        refused(r::requireNoNotice, 409, "CUSTODY_NOTICE_ALREADY_GIVEN");
        refused(() -> r.noticeGiven(HandoverId.of(UUID.randomUUID()), NOW), 409, "CUSTODY_NOTICE_ALREADY_GIVEN");
    }

    @Test
    void theReleaseNeedsATimeNotBeforeTheDetentionAndHappensOnce() {
        CustodyRecord r = held();
        assertThatThrownBy(() -> r.release(null, NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.code())
                                .containsExactly("required"));
        assertThatThrownBy(() -> r.release(DETAINED.minusSeconds(1), NOW))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.code())
                                .containsExactly("beforeDetention"));
        assertThat(r.releasedAt()).isNull();
        r.release(NOW, NOW);
        assertThat(r.pullEvents()).singleElement().isInstanceOf(CustodyEnded.class);
        refused(() -> r.release(NOW, NOW), 409, "CUSTODY_ALREADY_ENDED");
    }
}
