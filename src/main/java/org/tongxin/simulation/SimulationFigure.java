package org.tongxin.simulation;

import java.time.LocalDate;
import org.tongxin.shared.web.Languages;

/** One scenario's figures for one agency and month (doc/simulation.md "What a run records"). */
public record SimulationFigure(
        String scenario,
        String agencyKey,
        String agencyZh,
        String agencyEn,
        String agencyType,
        String district,
        int officers,
        LocalDate month,
        int opened,
        int fulfilled,
        int onTime,
        int late,
        int breaches,
        int backlog,
        int entries,
        int terminations,
        int lostContacts) {

    /** The share of the fulfilled obligations done on time (1 when none was due). */
    public double onTimeRate() {
        return fulfilled == 0 ? 1.0 : onTime / (double) fulfilled;
    }

    /** Obligations fulfilled per officer that month. */
    public double workloadPerOfficer() {
        return officers == 0 ? 0 : fulfilled / (double) officers;
    }

    public String agencyName(java.util.Locale locale) {
        return Languages.pick(locale, agencyZh, agencyEn);
    }
}
