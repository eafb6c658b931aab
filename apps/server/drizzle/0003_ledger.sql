CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"report_id" uuid,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"department_id" uuid,
	"file_name" text NOT NULL,
	"mime" text,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" uuid NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"department_id" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "ledger_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"department_id" uuid,
	"reason" text NOT NULL,
	"previous_due" date,
	"requested_due" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_item_departments" (
	"item_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"role" text NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_item_departments_item_id_role_department_id_pk" PRIMARY KEY("item_id","role","department_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"parent_id" uuid,
	"kind" text DEFAULT 'task' NOT NULL,
	"seq" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"section_path" text,
	"marker" text,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"source" jsonb,
	"lead_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"co_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unresolved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible_person" text,
	"start_date" date,
	"due_date" date,
	"due_source" text,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"progress_text" text,
	"problems" text,
	"next_steps" text,
	"last_report_at" timestamp with time zone,
	"remark" text,
	"return_reason" text,
	"colour" text,
	"colour_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule_progress" integer,
	"colour_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"completion_requested_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_code" text NOT NULL,
	"audience" text NOT NULL,
	"department_id" uuid,
	"kind" text NOT NULL,
	"item_id" uuid,
	"ledger_id" uuid,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
CREATE TABLE "ledger_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"ledger_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"metric" text NOT NULL,
	"comparator" text DEFAULT 'reach' NOT NULL,
	"value" double precision NOT NULL,
	"value_max" double precision,
	"unit" text,
	"per" text,
	"deadline" integer,
	"text" text DEFAULT '' NOT NULL,
	"span" jsonb,
	"current_value" double precision,
	"current_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledgers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_code" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"policy_id" uuid,
	"policy_title" text,
	"policy_doc_number" text,
	"plan_start" date,
	"plan_end" date,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_cycle" text DEFAULT 'monthly' NOT NULL,
	"report_day" integer DEFAULT 25 NOT NULL,
	"warning_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scoring_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"department_id" uuid,
	"role" text NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"percent" integer,
	"target_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" text,
	"next_steps" text,
	"channel" text DEFAULT 'web' NOT NULL,
	"reported_by" uuid,
	"reported_by_name" text,
	"reported_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urging_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"ledger_id" uuid NOT NULL,
	"org_unit_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"number" text NOT NULL,
	"level" text NOT NULL,
	"content" text NOT NULL,
	"answer_by" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_extensions" ADD CONSTRAINT "ledger_extensions_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_extensions" ADD CONSTRAINT "ledger_extensions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_extensions" ADD CONSTRAINT "ledger_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_extensions" ADD CONSTRAINT "ledger_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_item_departments" ADD CONSTRAINT "ledger_item_departments_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_item_departments" ADD CONSTRAINT "ledger_item_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_ledger_id_ledgers_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."ledgers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_notifications" ADD CONSTRAINT "ledger_notifications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_notifications" ADD CONSTRAINT "ledger_notifications_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_notifications" ADD CONSTRAINT "ledger_notifications_read_by_users_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_targets" ADD CONSTRAINT "ledger_targets_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledgers" ADD CONSTRAINT "ledgers_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledgers" ADD CONSTRAINT "ledgers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging_notices" ADD CONSTRAINT "urging_notices_item_id_ledger_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."ledger_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging_notices" ADD CONSTRAINT "urging_notices_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging_notices" ADD CONSTRAINT "urging_notices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging_notices" ADD CONSTRAINT "urging_notices_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urging_notices" ADD CONSTRAINT "urging_notices_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_item_idx" ON "evidence" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "evidence_report_idx" ON "evidence" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "ledger_events_item_idx" ON "ledger_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "ledger_extensions_item_idx" ON "ledger_extensions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "ledger_extensions_org_status_idx" ON "ledger_extensions" USING btree ("org_unit_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_extensions_pending_uq" ON "ledger_extensions" USING btree ("item_id") WHERE "ledger_extensions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "ledger_item_departments_dept_idx" ON "ledger_item_departments" USING btree ("department_id","item_id");--> statement-breakpoint
CREATE INDEX "ledger_items_ledger_idx" ON "ledger_items" USING btree ("ledger_id","sort_order");--> statement-breakpoint
CREATE INDEX "ledger_items_org_status_idx" ON "ledger_items" USING btree ("org_unit_code","status","colour");--> statement-breakpoint
CREATE INDEX "ledger_items_parent_idx" ON "ledger_items" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_items_seq_uq" ON "ledger_items" USING btree ("ledger_id","seq") WHERE "ledger_items"."deleted_at" is null and "ledger_items"."seq" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_notifications_dedupe_uq" ON "ledger_notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "ledger_notifications_dept_idx" ON "ledger_notifications" USING btree ("department_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_notifications_org_idx" ON "ledger_notifications" USING btree ("org_unit_code","audience","created_at");--> statement-breakpoint
CREATE INDEX "ledger_targets_item_idx" ON "ledger_targets" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "ledgers_org_idx" ON "ledgers" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "progress_reports_item_idx" ON "progress_reports" USING btree ("item_id","reported_at");--> statement-breakpoint
CREATE INDEX "progress_reports_ledger_period_idx" ON "progress_reports" USING btree ("ledger_id","period");--> statement-breakpoint
CREATE INDEX "urging_notices_dept_idx" ON "urging_notices" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "urging_notices_item_idx" ON "urging_notices" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "urging_notices_number_uq" ON "urging_notices" USING btree ("org_unit_code","number");