package org.tongxin.platform;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.ClusterLock;

/**
 * {@code java -jar tongxin.jar --tongxin.keys.rotate}: seals every encrypted value and keyed hash with the newest key
 * of the key file (doc/operations.md), printing a line per column, and exits 0 when everything is current, 4 when values
 * remain (run it again), 5 when another rotation is running. Runs without the web server, beside the running
 * application; one at a time across instances (cluster lock).
 */
@Component
class KeyRotationCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "tongxin.keys.rotate";

    private final KeyRotation rotation;
    private final ClusterLock lock;
    private int exitCode;

    KeyRotationCommand(KeyRotation rotation, ClusterLock lock) {
        this.rotation = rotation;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        boolean ran = lock.runExclusively("key-rotation", () -> {
            KeyRotation.Report report = rotation.rotate();
            System.out.println(
                    "Key rotation to key version " + report.keyVersion() + " (suite " + report.suite() + ")");
            for (KeyRotation.Line line : report.lines()) {
                System.out.printf(
                        "  %-45s sealed anew %8d   not current %8d%n",
                        line.target(), line.resealed(), line.remaining());
            }
            System.out.println("  key versions the audit log's hashes name (keep them in the key file): "
                    + report.auditKeyVersions());
            System.out.println(
                    report.complete()
                            ? "ROTATED: every value and hash uses key version " + report.keyVersion()
                            : "INCOMPLETE: " + report.remaining()
                                    + " values are not current yet; run the command again");
            exitCode = report.complete() ? 0 : 4;
        });
        if (!ran) {
            System.out.println("REFUSED: another key rotation is running");
            exitCode = 5;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
