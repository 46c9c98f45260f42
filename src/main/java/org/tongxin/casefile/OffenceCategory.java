package org.tongxin.casefile;

/** Offence categories for statistics; the details of the offence are kept encrypted. */
public enum OffenceCategory {
    DANGEROUS_DRIVING,
    THEFT,
    FRAUD,
    INTENTIONAL_INJURY,
    TRAFFIC_ACCIDENT,
    PICKING_QUARRELS,
    GAMBLING,
    CORRUPTION_BRIBERY,
    DRUGS,
    DUTY_CRIME,
    ENVIRONMENT,
    OTHER
}
