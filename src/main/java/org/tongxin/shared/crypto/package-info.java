/**
 * Field encryption: AES-GCM under versioned data keys, the sealed and the hashed forms of personal data
 * (doc/adr/0006, doc/adr/0023).
 */
@org.jspecify.annotations.NullMarked
package org.tongxin.shared.crypto;
