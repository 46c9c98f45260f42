-- Platform tables: the event publication registry (Spring Modulith) and the shared HTTP sessions (Spring Session),
-- both owned by the owner role and used by the application role.

CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
COMMENT ON TABLE event_publication IS 'Spring Modulith event publication registry: an event committed with a state change is delivered to each listener even after a crash.';
COMMENT ON COLUMN event_publication.id IS 'Publication id.';
COMMENT ON COLUMN event_publication.listener_id IS 'The listener that must process the event.';
COMMENT ON COLUMN event_publication.event_type IS 'Java type of the event.';
COMMENT ON COLUMN event_publication.serialized_event IS 'The event as JSON.';
COMMENT ON COLUMN event_publication.publication_date IS 'When the event was published (with the state change).';
COMMENT ON COLUMN event_publication.completion_date IS 'When the listener finished; null while outstanding.';
COMMENT ON COLUMN event_publication.status IS 'Publication status (PUBLISHED, PROCESSING, COMPLETED, FAILED, RESUBMITTED).';
COMMENT ON COLUMN event_publication.completion_attempts IS 'How often delivery was attempted.';
COMMENT ON COLUMN event_publication.last_resubmission_date IS 'When an incomplete publication was last resubmitted.';
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO ${app_role};

CREATE TABLE spring_session
(
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    expiry_time           BIGINT   NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
COMMENT ON TABLE spring_session IS 'Server-side HTTP sessions shared by every application instance (Spring Session JDBC).';
COMMENT ON COLUMN spring_session.primary_id IS 'Stable primary key of the session row.';
COMMENT ON COLUMN spring_session.session_id IS 'The session id in the cookie; changes at login.';
COMMENT ON COLUMN spring_session.creation_time IS 'Creation time, epoch milliseconds (the 12-hour absolute limit counts from it).';
COMMENT ON COLUMN spring_session.last_access_time IS 'Last access, epoch milliseconds.';
COMMENT ON COLUMN spring_session.max_inactive_interval IS 'Idle timeout in seconds (30 minutes).';
COMMENT ON COLUMN spring_session.expiry_time IS 'When the session expires if idle, epoch milliseconds.';
COMMENT ON COLUMN spring_session.principal_name IS 'Username of the logged-in user, for per-user session limits.';

CREATE TABLE spring_session_attributes
(
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
COMMENT ON TABLE spring_session_attributes IS 'Attributes of the shared HTTP sessions (security context, CSRF token, pending login step).';
COMMENT ON COLUMN spring_session_attributes.session_primary_id IS 'The session.';
COMMENT ON COLUMN spring_session_attributes.attribute_name IS 'Attribute name.';
COMMENT ON COLUMN spring_session_attributes.attribute_bytes IS 'Serialized attribute value.';
GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session, spring_session_attributes TO ${app_role};
