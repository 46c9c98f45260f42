package org.tongxin.procedure;

import java.util.List;
import org.tongxin.agency.AgencyId;
import org.tongxin.casefile.CaseData.OffenceData;
import org.tongxin.casefile.CaseData.SubjectData;
import org.tongxin.exchange.HandoverData.NewItem;

/** Inputs of the intake commands. */
public final class IntakeRequests {

    private IntakeRequests() {}

    /**
     * An entrustment of an investigation assessment: the person, the offence, the assessing agency (null: the county
     * agency of the residence), whether the case is expedited (速裁), the case number, the contact named in the letter,
     * and materials sent with it (起诉书副本 …, on paper or attached).
     */
    public record Entrustment(
            SubjectData subject,
            OffenceData offence,
            AgencyId assessingAgencyId,
            boolean expedited,
            String caseNumber,
            String contact,
            List<NewItem> materials) {}

    /** What the assessment found and recommends. */
    public enum Recommendation {
        SUITABLE("适用社区矫正"),
        UNSUITABLE("不适用社区矫正");

        private final String zh;

        Recommendation(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** The assessment opinion (IM art. 14). */
    public record Opinion(String findings, Recommendation opinion, String reasons, String contact) {}

    /** A bundle sent: its items (none given: the kind's usual ones on paper) and a covering note. */
    public record Delivery(List<NewItem> items, String note) {}

    /** The search for a subject who did not report, as reported to the decision organ. */
    public record MissingNotice(String searchRecord, String note) {}
}
