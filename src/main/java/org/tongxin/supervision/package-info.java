/**
 * Daily supervision after the entry announcement (CCL arts. 23-32; doc/adr/0021): reporting and contacts by supervision
 * level, visits, the medical re-examination of medical-parole subjects, leave (请假) and its approval at the level the
 * policy model sets, the change of the place of execution, electronic monitoring with its positions API, lost contact
 * and custody notices during correction. Each process is an aggregate with its own tables that moves the case only
 * through the transitions of {@code casefile}'s {@code CaseManagement}; its deadlines are steps on the ledger opened
 * through {@code procedure.CaseSteps}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "identity",
            "agency",
            "calendar",
            "policy",
            "casefile",
            "obligation",
            "exchange",
            "document",
            "procedure"
        })
package org.tongxin.supervision;
