package org.tongxin.policy.web;

import org.tongxin.policy.StepDraft;
import org.tongxin.policy.StepFields;

/**
 * The step form as the drafting page posts it (and as it is prefilled with the step's resolved values): the step's
 * fields and the draft's version the page showed.
 */
public class StepForm extends StepFields {

    private Integer version;

    /** A new step's form: not pausable until the box is ticked. */
    public StepForm() {
        setPausable(false);
    }

    static StepForm of(StepDraft d, int version) {
        StepForm f = new StepForm();
        f.fill(d);
        f.setPausable(Boolean.TRUE.equals(d.pausable()));
        f.version = version;
        return f;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
