package org.tongxin.demo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.DecisionData;
import org.tongxin.casefile.CaseData.NewDecidedCase;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.casefile.CaseDirectory;
import org.tongxin.casefile.CaseId;
import org.tongxin.casefile.CaseManagement;
import org.tongxin.casefile.CorrectionType;
import org.tongxin.casefile.Gender;
import org.tongxin.casefile.IdentityDocumentType;
import org.tongxin.casefile.IdentityNumbers;
import org.tongxin.exchange.HandoverData.NewItem;
import org.tongxin.exchange.HandoverId;
import org.tongxin.exchange.Handovers;
import org.tongxin.exchange.ItemCode;
import org.tongxin.procedure.Intake;
import org.tongxin.procedure.IntakeRequests.Delivery;

/**
 * The intake every demo story begins with, written once for all of them: the court opens a decided 城东区 probation
 * case, delivers the legal documents, the county agency receipts them, records the subject's arrival and registers the
 * case. Each command runs as the named demo user through the real façades; {@link #underCorrection} schedules the
 * whole sequence on a {@link StoryScript} (the court on day 1, the county agency on day 2).
 */
@Component
@ConditionalOnExpression(CityACaseload.ENABLED)
class DemoIntake {

    static final String COURT_CLERK = "cd.court.clerk";
    static final String COUNTY = "cd.county";

    /** The ids a story's later steps need: the case, and the bundle of legal documents the court delivered. */
    static class StoryCase {
        CaseId caseId;
        HandoverId documents;
    }

    private final DemoUsers users;
    private final CaseManagement caseManagement;
    private final CaseDirectory cases;
    private final Intake intake;
    private final Handovers handovers;
    private final AgencyDirectory agencies;

    DemoIntake(
            DemoUsers users,
            CaseManagement caseManagement,
            CaseDirectory cases,
            Intake intake,
            Handovers handovers,
            AgencyDirectory agencies) {
        this.users = users;
        this.caseManagement = caseManagement;
        this.cases = cases;
        this.intake = intake;
        this.handovers = handovers;
        this.agencies = agencies;
    }

    /**
     * Decided by the court on day 1 (opened at 9:00, documents delivered at 14:00), the documents receipted, the arrival
     * recorded and the case registered by the county agency on day 2.
     */
    void underCorrection(StoryScript script, StoryCase s, NewDecidedCase decided) {
        String number = decided.decision().caseNumber();
        script.step(1, 9, 0, () -> s.caseId = open(COURT_CLERK, decided));
        script.step(1, 14, 0, () -> s.documents = deliver(COURT_CLERK, s.caseId, fullDocuments(number)));
        script.step(2, 9, 0, () -> receipt(COUNTY, s.documents));
        script.step(2, 10, 0, () -> arrive(COUNTY, s.caseId));
        script.step(2, 10, 30, () -> register(COUNTY, s.caseId));
    }

    CaseId open(String user, NewDecidedCase decided) {
        return users.actAs(user, () -> caseManagement.openDecided(decided));
    }

    HandoverId deliver(String user, CaseId id, List<NewItem> items) {
        return users.actAs(user, () -> intake.deliverDocuments(id, new Delivery(items, null)));
    }

    void receipt(String user, HandoverId documents) {
        users.actAs(
                user,
                () -> handovers.receipt(documents, handovers.view(documents).version(), null));
    }

    void arrive(String user, CaseId id) {
        users.actAs(user, () -> caseManagement.recordArrival(id, cases.version(id), false, null));
    }

    void register(String user, CaseId id) {
        users.actAs(user, () -> caseManagement.register(id, cases.version(id)));
    }

    AgencyId agency(String code) {
        return agencies.findByCode(code)
                .orElseThrow(() -> new IllegalStateException("No demo agency " + code))
                .id();
    }

    /** A probation of {@code years} years executed by 城东区's agency, effective on {@code effective}. */
    DecisionData probation(String number, LocalDate effective, int years) {
        return new DecisionData(
                CorrectionType.PROBATION,
                number,
                effective.minusDays(10),
                effective,
                effective,
                effective.plusYears(years).minusDays(1),
                agency("CD-CCA"),
                false,
                null);
    }

    /** The judgment, the execution notice and the guarantee: what the court owes for a probation. */
    static List<NewItem> fullDocuments(String number) {
        return List.of(
                new NewItem(ItemCode.DECISION_DOCUMENT, number + "刑事判决书", null),
                new NewItem(ItemCode.EXECUTION_NOTICE, "执行通知书", null),
                new NewItem(ItemCode.GUARANTEE, "接受社区矫正保证书", null));
    }

    /** A subject of 城东区 with a resident identity card whose number has the order number {@code order}. */
    static SubjectData subject(
            String name, Gender gender, LocalDate birth, int order, String phone, String division, String address) {
        return subject(name, gender, birth, order, phone, division, address, null, null, null);
    }

    /** The same, with a guardian (a minor's) when {@code guardianName} is given. */
    static SubjectData subject(
            String name,
            Gender gender,
            LocalDate birth,
            int order,
            String phone,
            String division,
            String address,
            String guardianName,
            String guardianRelation,
            String guardianPhone) {
        return new SubjectData(
                name,
                gender,
                "01",
                IdentityDocumentType.RESIDENT_ID,
                IdentityNumbers.compose("369902", birth, order, gender),
                birth,
                phone,
                division,
                address,
                guardianName,
                guardianRelation,
                guardianPhone,
                null);
    }
}
