package org.tongxin.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Prints a start-up failure of the platform as a short description and an action, instead of a stack trace. */
class PlatformFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingProductionSettingsException missing) {
                return new FailureAnalysis(
                        missing.getMessage(),
                        "Set " + String.join(", ", missing.missing()) + " (see doc/operations.md), "
                                + "or unset TONGXIN_DB_URL to run with the embedded database.",
                        missing);
            }
            if (t instanceof UnsafeDatabaseRoleException unsafe) {
                return new FailureAnalysis(unsafe.getMessage(), unsafe.action(), unsafe);
            }
            if (t instanceof EmbeddedDatabaseUnavailableException embedded) {
                return new FailureAnalysis(embedded.getMessage(), embedded.action(), embedded);
            }
        }
        return null;
    }
}
