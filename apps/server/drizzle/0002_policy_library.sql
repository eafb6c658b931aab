CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_code" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_size" integer NOT NULL,
	"mime" text,
	"storage_path" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"original_text" text NOT NULL,
	"extraction" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parsed_at" timestamp with time zone NOT NULL,
	"title" text,
	"attachment_title" text,
	"doc_number" text,
	"issuers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issuer_level" text,
	"year" integer,
	"title_key" text,
	"attachment_title_key" text,
	"short_title_key" text,
	"doc_number_key" text,
	"search_text" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy_citations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text,
	"doc_number" text,
	"relation" text NOT NULL,
	"title_key" text,
	"doc_number_key" text
);
--> statement-breakpoint
CREATE TABLE "policy_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "policy_corrections_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"item_id" text NOT NULL,
	"op" text NOT NULL,
	"fields" jsonb,
	"basis" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_citations" ADD CONSTRAINT "policy_citations_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_corrections" ADD CONSTRAINT "policy_corrections_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_corrections" ADD CONSTRAINT "policy_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_corrections" ADD CONSTRAINT "policy_corrections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_org_sha_uq" ON "policies" USING btree ("org_unit_code","file_sha256") WHERE "policies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "policies_org_idx" ON "policies" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "policies_doc_number_key_idx" ON "policies" USING btree ("doc_number_key");--> statement-breakpoint
CREATE INDEX "policies_title_key_idx" ON "policies" USING btree ("title_key");--> statement-breakpoint
CREATE INDEX "policies_attachment_title_key_idx" ON "policies" USING btree ("attachment_title_key");--> statement-breakpoint
CREATE INDEX "policies_short_title_key_idx" ON "policies" USING btree ("short_title_key");--> statement-breakpoint
CREATE INDEX "policies_search_trgm_idx" ON "policies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "policy_citations_policy_idx" ON "policy_citations" USING btree ("policy_id");--> statement-breakpoint
CREATE INDEX "policy_citations_doc_number_key_idx" ON "policy_citations" USING btree ("doc_number_key");--> statement-breakpoint
CREATE INDEX "policy_citations_title_key_idx" ON "policy_citations" USING btree ("title_key");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_corrections_item_uq" ON "policy_corrections" USING btree ("policy_id","kind","item_id") WHERE "policy_corrections"."revoked_at" is null;