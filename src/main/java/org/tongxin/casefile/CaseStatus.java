package org.tongxin.casefile;

/** Where a case stands (doc/architecture.md §3). */
public enum CaseStatus {
    /** 调查评估中: an assessment was entrusted, no decision yet. */
    ASSESSING,
    /** 入矫中: decided; documents and the subject's arrival are awaited, registration, team, plan, announcement follow. */
    INTAKE,
    /** 在矫: registered and under correction. */
    UNDER_CORRECTION,
    /** 解除矫正. */
    TERMINATED,
    /** 撤销缓刑、假释 / 收监执行. */
    REVOKED,
    /** 在押 (detained during correction). */
    IN_CUSTODY,
    /** 死亡. */
    DECEASED,
    /** 未适用社区矫正: assessed, but the organ decided otherwise. */
    WITHDRAWN;

    public boolean open() {
        return this == ASSESSING || this == INTAKE || this == UNDER_CORRECTION || this == IN_CUSTODY;
    }
}
