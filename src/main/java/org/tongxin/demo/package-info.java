/**
 * The City A demo (demo mode, {@code TONGXIN_DEMO=true}): a realistic city of four districts and counties with every
 * kind of agency, demo accounts for every role that share one demo password (listed in the README), and a caseload
 * of about fifty cases in every intake state, replayed on a demo clock as its demo users (doc/adr/0011). Loaded once,
 * through the other modules' public APIs, so it obeys every rule real data does.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "agency",
            "identity",
            "calendar",
            "casefile",
            "exchange",
            "obligation",
            "procedure",
            "coordination",
            "assistance",
            "procuratorial",
            "assessment",
            "policy",
            "supervision",
            "supervision :: custody",
            "supervision :: missing",
            "supervision :: monitoring",
            "supervision :: move"
        })
package org.tongxin.demo;
