package org.tongxin.coordination;

/** What kind of coordination conflict was raised, by the five problems the field study found (doc/architecture.md §2). */
public enum ConflictType {
    /** Information did not reach, or arrived late or incomplete (e.g. a disputed receipt). */
    COMMUNICATION("信息沟通", "Communication"),
    /** Agencies follow different operating rules, nobody knows who may act. */
    DAILY_OPERATION("日常运行", "Daily operation"),
    /** Each side thinks the duty is the other's. */
    RESPONSIBILITY("职责认知", "Responsibility"),
    /** Too little capacity, or help declined. */
    CAPACITY("工作能力", "Capacity"),
    /** Any other. */
    OTHER("其他", "Other");

    private final String nameZh;
    private final String nameEn;

    ConflictType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The Chinese name (for the case timeline, which is written once for readers of both languages). */
    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
