package org.tongxin.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.casefile.OffenceCategory;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.HandoverKind;
import org.tongxin.exchange.HandoverView;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Entrustment;
import org.tongxin.procedure.IntakeRequests.Opinion;
import org.tongxin.procedure.IntakeRequests.Recommendation;
import org.tongxin.shared.jdbc.EventQuiescence;
import org.tongxin.support.Actors;

/**
 * Cases of the City A demo for page tests, opened through the façades as the demo's court clerk and county officer:
 * each call gets a subject of its own (a fresh identity number).
 */
@Component
public class CaseSamples {

    private static final AtomicInteger SERIAL = new AtomicInteger(300);

    private final Intake intake;
    private final Handovers handovers;
    private final EventQuiescence events;
    private final Actors actors;
    private Sample assessed;

    CaseSamples(Intake intake, Handovers handovers, EventQuiescence events, Actors actors) {
        this.intake = intake;
        this.handovers = handovers;
        this.events = events;
        this.actors = actors;
    }

    /** A case, its opinion handover (copied to the procuratorate) and its entrustment letter. */
    public record Sample(CaseId caseId, HandoverId entrustment, HandoverId opinion, UUID letter) {}

    /** One case entrusted by cd.court.clerk and assessed by cd.county, shared by the tests that only read it. */
    public synchronized Sample assessedCase() {
        if (assessed == null) {
            CaseId id = entrusted(subject("周明", Gender.MALE, LocalDate.of(1988, 5, 20)), null);
            actors.call(
                    "cd.county",
                    () -> intake.submitOpinion(
                            id, new Opinion("走访社区和家属，居所固定，表现良好。", Recommendation.SUITABLE, "符合社区矫正条件", "李矫正官")));
            settle();
            List<HandoverView> list = actors.call("cd.court.clerk", () -> handovers.ofCase(id));
            HandoverView letter = list.stream()
                    .filter(h -> h.kind() == HandoverKind.ASSESSMENT_ENTRUSTMENT)
                    .findFirst()
                    .orElseThrow();
            HandoverView opinion = list.stream()
                    .filter(h -> h.kind() == HandoverKind.ASSESSMENT_OPINION)
                    .findFirst()
                    .orElseThrow();
            assessed = new Sample(
                    id, letter.id(), opinion.id(), letter.items().getFirst().documentId());
        }
        return assessed;
    }

    /** The county agency's opinion on a case (as the caller: cd.county); copies it to the procuratorate. */
    public HandoverId opinion(CaseId id) {
        HandoverId opinion = intake.submitOpinion(
                id, new Opinion("走访社区和家属，居所固定，表现良好。", Recommendation.SUITABLE, "符合社区矫正条件", "李矫正官"));
        settle();
        return opinion;
    }

    /** A new case entrusted by cd.court.clerk with this subject and case number (null: none). */
    public CaseId entrusted(SubjectData subject, String caseNumber) {
        CaseId id = actors.call(
                "cd.court.clerk",
                () -> intake.entrust(new Entrustment(
                        subject,
                        offence(null),
                        null,
                        false,
                        caseNumber,
                        "王书记员",
                        List.of(new NewItem(ItemCode.CASE_MATERIALS, "起诉书副本", null)))));
        settle();
        return id;
    }

    /** A subject living in 东门街道 (城东区) with a valid resident identity number of their own. */
    public static SubjectData subject(String name, Gender gender, LocalDate birth) {
        String id = IdentityNumbers.compose("369902", birth, SERIAL.incrementAndGet() % 100, gender);
        return new SubjectData(
                name,
                gender,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                id,
                birth,
                "13800002222",
                "369902001",
                "城东区东门街道和平路 20 号",
                null,
                null,
                null,
                null);
    }

    /** A minor's subject data (with the guardian the law requires). */
    public static SubjectData minor(String name, LocalDate birth) {
        SubjectData s = subject(name, Gender.FEMALE, birth);
        return new SubjectData(
                s.name(),
                s.gender(),
                s.ethnicity(),
                s.idType(),
                s.idNumber(),
                s.birthDate(),
                s.phone(),
                s.residenceDivision(),
                s.residenceAddress(),
                "孙母",
                "母亲",
                "13900003333",
                null);
    }

    public static OffenceData offence(LocalDate date) {
        return new OffenceData(
                OffenceCategory.THEFT,
                "盗窃电动自行车一辆。",
                date == null ? LocalDate.of(2025, 6, 1) : date,
                java.util.List.of("盗窃罪"));
    }

    public void settle() {
        events.awaitAll(Duration.ofSeconds(20));
    }
}
