package org.tongxin.procedure;

import org.tongxin.agency.AgencyDirectory;
import org.tongxin.agency.AgencyType;
import org.tongxin.casefile.CaseViews.CaseFacts;

/** The ids of the intake and termination steps in the policy catalogue (doc/procedures.md "Procedure catalogue"). */
public final class Steps {

    public static final String ENTRUST = "assess.entrust";
    public static final String ASSESS = "assess.complete";
    public static final String UNABLE = "assess.unable";
    public static final String PLACE = "place.determine";
    public static final String INFORM = "decide.inform";
    public static final String NOTIFY = "docs.notify";
    public static final String DELIVER = "docs.deliver";
    public static final String RECEIPT = "docs.receipt";
    public static final String SUPPLEMENT = "docs.supplement";
    public static final String REPORT = "report.self";
    public static final String TRANSFER_COURT = "transfer.court_jwzx";
    public static final String TRANSFER_APPROVED = "transfer.approved_jwzx";
    public static final String MISSED = "report.missed";
    public static final String REGISTER = "intake.register";
    public static final String ANNOUNCE = "intake.announce";
    public static final String TEAM = "team.form";
    public static final String PLAN = "plan.make";
    // The end of correction (CCL arts. 44, 45; IM arts. 53–56).
    public static final String EXPIRY_WARNING = "end.expiry_warning";
    public static final String END_ANNOUNCE = "end.announce";
    public static final String CERTIFY = "end.certify";
    public static final String DEATH_NOTIFY = "death.notify";

    private Steps() {}

    /** Temporary execution decided by a court is handed over by the detention centre or police; an approved one by the prison. */
    static String transfer(CaseFacts c, AgencyDirectory agencies) {
        boolean court = agencies.find(c.decisionOrganId())
                .map(a -> a.type() == AgencyType.BASIC_COURT || a.type() == AgencyType.INTERMEDIATE_COURT)
                .orElse(true);
        return court ? TRANSFER_COURT : TRANSFER_APPROVED;
    }
}
