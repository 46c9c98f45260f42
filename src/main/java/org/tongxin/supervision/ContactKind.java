package org.tongxin.supervision;

/**
 * A report or contact of daily supervision and the ledger step it fulfils: the subject reports (in person, by phone or
 * video: supervise.report, CCL art. 23); the agency or office verifies (phone check, home or workplace visit:
 * supervise.verify, CCL art. 26); a medical-parole subject submits the re-examination every 3 months
 * (supervise.medical, IM art. 24).
 */
public enum ContactKind {
    REPORT_IN_PERSON("supervise.report"),
    REPORT_PHONE("supervise.report"),
    REPORT_VIDEO("supervise.report"),
    PHONE_CHECK("supervise.verify"),
    HOME_VISIT("supervise.verify"),
    WORKPLACE_VISIT("supervise.verify"),
    MEDICAL_REEXAMINATION("supervise.medical");

    public static final String REPORT = "supervise.report";
    public static final String VERIFY = "supervise.verify";
    public static final String MEDICAL = "supervise.medical";

    private final String stepId;

    ContactKind(String stepId) {
        this.stepId = stepId;
    }

    public String stepId() {
        return stepId;
    }
}
