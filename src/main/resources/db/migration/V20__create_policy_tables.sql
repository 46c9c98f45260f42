-- Module policy: procedure catalogues per region, effective-dated versions, steps (full for the baseline and added
-- steps, field-wise overrides for regional variants).

CREATE TABLE policy_model
(
    id         UUID         NOT NULL PRIMARY KEY,
    region     VARCHAR(12)  NOT NULL UNIQUE,
    parent_id  UUID REFERENCES policy_model (id),
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    note_zh    TEXT,
    note_en    TEXT,
    created_at TIMESTAMPTZ  NOT NULL
);
COMMENT ON TABLE policy_model IS 'A policy model: the procedure catalogue of a region (CN = national baseline; others inherit from their parent).';
COMMENT ON COLUMN policy_model.id IS 'Model id.';
COMMENT ON COLUMN policy_model.region IS 'CN for the national baseline, else the GB/T 2260 code of the region it applies to (110000 Beijing-style, 310000 Shanghai-style, 369900 City A).';
COMMENT ON COLUMN policy_model.parent_id IS 'The model it inherits from (null for the baseline).';
COMMENT ON COLUMN policy_model.name_zh IS 'Name in Chinese.';
COMMENT ON COLUMN policy_model.name_en IS 'Name in English.';
COMMENT ON COLUMN policy_model.note_zh IS 'What is particular about the region (Chinese).';
COMMENT ON COLUMN policy_model.note_en IS 'What is particular about the region (English).';
COMMENT ON COLUMN policy_model.created_at IS 'Creation time.';

CREATE TABLE policy_version
(
    id                      UUID        NOT NULL PRIMARY KEY,
    model_id                UUID        NOT NULL REFERENCES policy_model (id),
    number                  INT         NOT NULL,
    status                  VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    effective_from          DATE,
    warning_working_days    INT,
    prompt_alert_hours      INT,
    immediate_alert_hours   INT,
    escalation_working_days INT,
    note_zh                 TEXT,
    note_en                 TEXT,
    created_by              UUID,
    created_at              TIMESTAMPTZ NOT NULL,
    published_by            UUID,
    published_at            TIMESTAMPTZ,
    version                 INT         NOT NULL DEFAULT 0,
    UNIQUE (model_id, number),
    CHECK (status = 'DRAFT' OR effective_from IS NOT NULL)
);
CREATE INDEX policy_version_in_force_idx ON policy_version (model_id, effective_from DESC) WHERE status = 'PUBLISHED';
COMMENT ON TABLE policy_version IS 'A version of a model: drafts are edited by coordinators; published versions are immutable and apply from effective_from.';
COMMENT ON COLUMN policy_version.id IS 'Version id (recorded on every obligation created under it).';
COMMENT ON COLUMN policy_version.model_id IS 'The model.';
COMMENT ON COLUMN policy_version.number IS 'Version number within the model, from 1.';
COMMENT ON COLUMN policy_version.status IS 'DRAFT or PUBLISHED.';
COMMENT ON COLUMN policy_version.effective_from IS 'First day (Asia/Shanghai) on which the version applies to newly triggered steps.';
COMMENT ON COLUMN policy_version.warning_working_days IS 'Warn this many working days before a due date (null: inherit).';
COMMENT ON COLUMN policy_version.prompt_alert_hours IS 'Flag a PROMPTLY (及时) step after this many hours (null: inherit).';
COMMENT ON COLUMN policy_version.immediate_alert_hours IS 'Flag an IMMEDIATELY (立即) step after this many hours (null: inherit).';
COMMENT ON COLUMN policy_version.escalation_working_days IS 'Escalate an overdue step to the coordination office after this many more working days (null: inherit).';
COMMENT ON COLUMN policy_version.note_zh IS 'What the version changes (Chinese).';
COMMENT ON COLUMN policy_version.note_en IS 'What the version changes (English).';
COMMENT ON COLUMN policy_version.created_by IS 'Who drafted it (null for versions loaded from the law).';
COMMENT ON COLUMN policy_version.created_at IS 'When it was drafted.';
COMMENT ON COLUMN policy_version.published_by IS 'Who published it.';
COMMENT ON COLUMN policy_version.published_at IS 'When it was published.';
COMMENT ON COLUMN policy_version.version IS 'Optimistic lock for draft edits.';

CREATE TABLE policy_step
(
    version_id         UUID        NOT NULL REFERENCES policy_version (id),
    step_id            VARCHAR(40) NOT NULL,
    change             VARCHAR(10) NOT NULL CHECK (change IN ('DEFINED', 'OVERRIDDEN', 'ADDED', 'REMOVED')),
    sort_order         INT         NOT NULL,
    group_key          VARCHAR(20),
    name_zh            VARCHAR(200),
    name_en            VARCHAR(200),
    trigger_zh         VARCHAR(300),
    trigger_en         VARCHAR(300),
    owes               VARCHAR(30),
    counterparty       VARCHAR(30),
    copies             TEXT[],
    watcher            VARCHAR(30),
    deadline_kind      VARCHAR(20),
    deadline_amount    INT,
    deadline_expedited INT,
    documents_zh       VARCHAR(300),
    documents_en       VARCHAR(300),
    legal_basis        VARCHAR(100),
    confidence         VARCHAR(5),
    pausable           BOOLEAN,
    note_zh            TEXT,
    note_en            TEXT,
    PRIMARY KEY (version_id, step_id),
    CHECK (step_id ~ '^[a-z][a-z_]*(\.[a-z_]+)+$')
);
COMMENT ON TABLE policy_step IS 'Steps of a version. Baseline versions DEFINE every step; regional versions hold OVERRIDDEN (null columns inherit), ADDED and REMOVED steps.';
COMMENT ON COLUMN policy_step.version_id IS 'The version.';
COMMENT ON COLUMN policy_step.step_id IS 'Stable step id, e.g. docs.receipt.';
COMMENT ON COLUMN policy_step.change IS 'DEFINED, OVERRIDDEN, ADDED or REMOVED relative to the parent model.';
COMMENT ON COLUMN policy_step.sort_order IS 'Position in the catalogue.';
COMMENT ON COLUMN policy_step.group_key IS 'Stage of the procedure (assessment, decision, documents, reporting, intake, ...).';
COMMENT ON COLUMN policy_step.name_zh IS 'Step name (Chinese).';
COMMENT ON COLUMN policy_step.name_en IS 'Step name (English).';
COMMENT ON COLUMN policy_step.trigger_zh IS 'The event the period runs from (Chinese).';
COMMENT ON COLUMN policy_step.trigger_en IS 'The event the period runs from (English).';
COMMENT ON COLUMN policy_step.owes IS 'The organ that owes the step (Organ).';
COMMENT ON COLUMN policy_step.counterparty IS 'The organ it is owed to.';
COMMENT ON COLUMN policy_step.copies IS 'Organs that receive copies (抄送).';
COMMENT ON COLUMN policy_step.watcher IS 'The organ that watches a step the subject owes.';
COMMENT ON COLUMN policy_step.deadline_kind IS 'WORKING_DAYS, CALENDAR_DAYS, MONTHS, HOURS, IMMEDIATELY, PROMPTLY, AT_EVENT or NONE.';
COMMENT ON COLUMN policy_step.deadline_amount IS 'Amount for counted kinds.';
COMMENT ON COLUMN policy_step.deadline_expedited IS 'Amount for expedited (速裁) cases, where different.';
COMMENT ON COLUMN policy_step.documents_zh IS 'Documents of the step (Chinese).';
COMMENT ON COLUMN policy_step.documents_en IS 'Documents of the step (English).';
COMMENT ON COLUMN policy_step.legal_basis IS 'Articles: CCL = Community Correction Law, IM = Implementation Measures, CPL = Criminal Procedure Law.';
COMMENT ON COLUMN policy_step.confidence IS 'V = checked against the law''s text, R = from secondary sources, to be confirmed.';
COMMENT ON COLUMN policy_step.pausable IS 'Whether the clock may stop (e.g. while materials are supplemented).';
COMMENT ON COLUMN policy_step.note_zh IS 'Further rules of the step (Chinese).';
COMMENT ON COLUMN policy_step.note_en IS 'Further rules of the step (English).';

-- Published versions are immutable, even for the owner by accident.
CREATE FUNCTION policy_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    target UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM policy_version WHERE id = target AND status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'policy version % is published and immutable', target;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER policy_step_immutable BEFORE INSERT OR UPDATE OR DELETE ON policy_step
    FOR EACH ROW EXECUTE FUNCTION policy_refuse_published_change();
CREATE FUNCTION policy_refuse_unpublish() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'policy version % is published and immutable', OLD.id;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER policy_version_immutable BEFORE UPDATE OR DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION policy_refuse_unpublish();

GRANT SELECT, INSERT, UPDATE, DELETE ON policy_step TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON policy_version TO ${app_role};
GRANT SELECT, INSERT ON policy_model TO ${app_role};
