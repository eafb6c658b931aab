-- 登录日志 and 操作日志 are append-only (GB/T 22239 level 3): nobody edits them, and rows are
-- removed only by retention once older than 180 days.
CREATE OR REPLACE FUNCTION innocounty_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'LOG_IMMUTABLE: % rows cannot be changed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'DELETE' AND OLD.at > now() - interval '180 days' THEN
    RAISE EXCEPTION 'LOG_RETENTION: % rows are kept at least 180 days', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'LOG_IMMUTABLE: % cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION innocounty_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION innocounty_append_only();
--> statement-breakpoint
CREATE TRIGGER login_log_append_only BEFORE UPDATE OR DELETE ON login_log FOR EACH ROW EXECUTE FUNCTION innocounty_append_only();
--> statement-breakpoint
CREATE TRIGGER login_log_no_truncate BEFORE TRUNCATE ON login_log FOR EACH STATEMENT EXECUTE FUNCTION innocounty_append_only();
