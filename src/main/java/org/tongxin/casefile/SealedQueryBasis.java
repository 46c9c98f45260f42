package org.tongxin.casefile;

/** The legal basis of a query of a sealed record (CPL art. 286 para. 2). */
public enum SealedQueryBasis {
    /** 司法机关为办案需要: a judicial organ needs it for a case it handles. */
    JUDICIAL_NEED,
    /** 有关单位根据国家规定进行查询: a unit queries under state rules. */
    LAWFUL_QUERY
}
