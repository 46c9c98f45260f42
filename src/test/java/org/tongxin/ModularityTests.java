package org.tongxin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure of doc/architecture.md §4 holds, and its documentation is generated from the code. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TongxinApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void everyModuleOfTheFoundationExists() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "platform", "agency", "identity", "audit", "demo", "calendar", "policy", "casefile",
                        "obligation", "document", "exchange", "procedure");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
