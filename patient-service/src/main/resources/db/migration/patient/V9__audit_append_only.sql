-- The audit trail (V5) becomes append-only; the retention purge finds old rows by time.
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- Append-only. The service's own role may not UPDATE or TRUNCATE it, and a trigger refuses every UPDATE, TRUNCATE
-- and DELETE, whoever asks (a superuser too), except the retention purge: a DELETE in a transaction that declares itself
-- one (SET LOCAL cart.audit_purge = 'on') of rows older than six years, the floor no setting can lower.
REVOKE UPDATE, TRUNCATE ON audit_event FROM CURRENT_USER;

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('cart.audit_purge', true) = 'on'
            AND OLD.at < now() - interval '6 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
