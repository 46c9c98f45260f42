package org.tongxin.casefile;

/** Sex as on the identity document. */
public enum Gender {
    MALE,
    FEMALE
}
