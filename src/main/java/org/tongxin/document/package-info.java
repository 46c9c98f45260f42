/**
 * Documents of a case: the legal documents of the procedures generated as Chinese PDFs from templates that are data
 * ({@code document/templates/*.txt}), and files uploaded for a case, checked against an allow-list and their content.
 * Every file is stored sealed with the data key (doc/security-requirements.md S15, S16). {@link org.tongxin.document.Documents} is the
 * whole API; the module has no web endpoints: the case modules offer downloads after their own access checks and
 * audit the reads.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.tongxin.document;
