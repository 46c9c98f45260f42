package org.tongxin.audit.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.tongxin.audit.AuditVerification;

/**
 * {@code java -jar tongxin.jar --tongxin.audit.verify}: seals what is pending, verifies the whole log, prints the
 * report and exits with 0 (intact) or 3 (problems found). Runs without the web server.
 */
@Component
class VerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "tongxin.audit.verify";

    private final AuditVerifier verifier;
    private final AuditSealer sealer;
    private int exitCode;

    VerifyCommand(AuditVerifier verifier, AuditSealer sealer) {
        this.verifier = verifier;
        this.sealer = sealer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        sealer.sealNow();
        AuditVerification result = verifier.verify();
        System.out.println("Audit log verification at " + result.verifiedAt());
        System.out.println("  seals checked:          " + result.sealsChecked());
        System.out.println("  records checked:        " + result.recordsChecked());
        System.out.println("  records awaiting seal:  " + result.recordsAwaitingSeal());
        System.out.println("  last seal:              " + result.lastSealId() + " " + result.lastSealHash());
        result.problems()
                .forEach(p -> System.out.println(
                        "  PROBLEM " + p.kind() + " record=" + p.recordId() + " seal=" + p.sealId()));
        System.out.println(
                result.intact()
                        ? "INTACT"
                        : "PROBLEMS FOUND: " + result.problems().size());
        exitCode = result.intact() ? 0 : 3;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
