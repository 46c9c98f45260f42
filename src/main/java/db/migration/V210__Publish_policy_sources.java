package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import db.migration.support.PolicyCatalogueCorrection;

/**
 * Publishes every policy model with each rule's sources (issue 11): every step's legal basis names its sources in the
 * form {@code CCL 22 [V step, organ]; IM 19 [R deadline]} ({@code org.tongxin.policy.LegalSource}), each with its own
 * confidence, and the step's confidence is the one its sources give. Variants' overrides cite their own region's rule
 * and never inherit the baseline's article; Beijing's older move periods, taken from rules made under the 2012 Measures
 * (repealed on 2020-07-01), give way to the baseline. Data: {@code policy/v210/}; when it takes effect is
 * {@link PolicyCatalogueCorrection}'s rule.
 */
public class V210__Publish_policy_sources extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        PolicyCatalogueCorrection.publish(context.getConnection(), "policy/v210/national-baseline.json",
                "policy/v151/national-baseline.json", "policy/v210/regional-variants.json");
    }
}
