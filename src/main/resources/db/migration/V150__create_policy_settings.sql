-- Module policy: the settings a policy version sets beyond its alert and escalation thresholds (leave approval limits,
-- reporting and contact intervals per supervision level), one row per version and setting; a missing row inherits
-- the parent model's value. Published versions keep their settings as they keep their steps.

CREATE TABLE policy_setting
(
    version_id  UUID        NOT NULL REFERENCES policy_version (id),
    setting_key VARCHAR(40) NOT NULL,
    value       INT         NOT NULL,
    PRIMARY KEY (version_id, setting_key)
);
COMMENT ON TABLE policy_setting IS 'Settings of a policy version that the law leaves to the model (PolicySetting): no row = inherited from the parent model.';
COMMENT ON COLUMN policy_setting.version_id IS 'The version.';
COMMENT ON COLUMN policy_setting.setting_key IS 'The setting (PolicySetting key, e.g. leaveCountyMaxDays, reportIntervalDaysStrict).';
COMMENT ON COLUMN policy_setting.value IS 'Its value: days or months as the setting says; 1 or 0 for a yes/no setting.';

-- The same guard as the steps: a published version's settings never change.
CREATE TRIGGER policy_setting_immutable BEFORE INSERT OR UPDATE OR DELETE ON policy_setting
    FOR EACH ROW EXECUTE FUNCTION policy_refuse_published_change();

GRANT SELECT, INSERT, UPDATE, DELETE ON policy_setting TO ${app_role};
