/**
 * Policy models: the law's procedures as data. For a region and an effective date, the catalogue of procedure
 * steps — who owes each step to whom, its trigger, deadline rule, documents and legal basis. The national baseline
 * comes from doc/procedures.md; regional variants (Beijing-style, Shanghai-style, City A) inherit it and override where
 * they differ. Versions are effective-dated; published versions are immutable; a case uses the version in force
 * when its step was triggered.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "agency"})
package org.tongxin.policy;
