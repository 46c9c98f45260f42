package org.tongxin.procedure.web;

import org.springframework.context.ApplicationContext;
import org.springframework.ui.ExtendedModelMap;
import org.tongxin.casefile.CaseId;

/**
 * Reads what the case page reads ({@code GET /cases/{id}}: the case with its audit record, obligations, handovers,
 * team, timeline, documents, plan, announcement and the names of the agencies involved) without rendering it, for
 * bench/scale.sh, which times the page's queries through the page's own code.
 */
public final class CasePageProbe {

    private final CaseWorkspace workspace;

    public CasePageProbe(ApplicationContext context) {
        this.workspace = context.getBean(CaseWorkspace.class);
    }

    /** Fills the case page's model as the current user; returns how many attributes it holds. */
    public int read(CaseId id) {
        ExtendedModelMap model = new ExtendedModelMap();
        workspace.fill(id, model, null, null);
        return model.size();
    }
}
