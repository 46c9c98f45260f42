package org.tongxin.platform;

import java.util.List;

/** Production mode was asked for ({@code TONGXIN_DB_URL} is set) but other required settings are absent. */
class MissingProductionSettingsException extends IllegalStateException {

    private final List<String> missing;

    MissingProductionSettingsException(List<String> missing) {
        super("TONGXIN_DB_URL is set (production mode) but these settings are missing: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    List<String> missing() {
        return missing;
    }
}
