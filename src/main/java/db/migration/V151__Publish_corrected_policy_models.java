package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import db.migration.support.PolicyCatalogueCorrection;

/**
 * Publishes the policy models corrected against the revised procedure catalogue (ADR 0021): the national baseline in
 * full ({@code policy/v151/national-baseline.json}) and what the Beijing-style, Shanghai-style and City A variants
 * change with it ({@code policy/v151/regional-variants.json}), as new versions of each model. When they take effect is
 * {@link PolicyCatalogueCorrection}'s rule: from today where obligations exist, else from each model's first day.
 */
public class V151__Publish_corrected_policy_models extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        PolicyCatalogueCorrection.publish(context.getConnection(), "policy/v151/national-baseline.json",
                "policy/national-baseline.json", "policy/v151/regional-variants.json");
    }
}
