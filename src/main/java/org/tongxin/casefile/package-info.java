/**
 * The case file: subjects (identity numbers, phones, addresses, health and offence details encrypted at rest, with
 * keyed hashes for exact-match search), cases with their status machine ({@code ASSESSING → INTAKE →
 * UNDER_CORRECTION → …}; INTAKE tracks the documents and the subject's arrival in parallel), the agencies with a
 * lawful role in each case, and the append-only case timeline every module writes to through its events. The case's
 * stored documents are read through it, by the parties entitled to the protected fields.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "identity", "agency", "policy", "document"})
package org.tongxin.casefile;
