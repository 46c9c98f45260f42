/**
 * The City A demo (demo mode, {@code TONGXIN_DEMO=true}): a realistic city of four districts and counties with every
 * kind of agency, and demo accounts for every role that share one demo password (listed in the README). Loaded
 * once, through the other modules' public APIs, so it obeys every rule real data does.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "agency", "identity" })
package org.tongxin.demo;
