package org.tongxin.casefile;

/**
 * Identity documents a subject can be identified by. The order is part of the messages: {@code validation.idNumberFormat}
 * chooses its words by the constant's ordinal, so add new documents at the end.
 */
public enum IdentityDocumentType {
    /** 居民身份证 (18 characters, GB 11643 check character). */
    RESIDENT_ID,
    /** 护照. */
    PASSPORT,
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT,
    /** 港澳台居民居住证 (18 characters like the resident ID, prefixes 810000 / 820000 / 830000). */
    HMT_RESIDENCE_PERMIT
}
