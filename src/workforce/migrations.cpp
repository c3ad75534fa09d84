// The workforce tables. Column names match the TableMaps in records.cpp; money is decimal text, dates
// ISO text (so text order is date order), JSON members are text.
#include "workforce/service.h"

namespace concord::workforce {

std::vector<store::Migration> Migrations() {
  return {{"0400_workforce", R"sql(
CREATE TABLE wf_programmes (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  msp TEXT,
  vms TEXT NOT NULL,
  processing_instructions TEXT,
  account_executive TEXT,
  checkin_schedule TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  background_check_required {{int}} NOT NULL DEFAULT 0,
  required_psr_fields TEXT,
  field_mapping TEXT,
  audit_spec_id {{int}},
  audit_applied_run_id {{int}},
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX wf_programmes_client ON wf_programmes (client_id);
CREATE TABLE wf_workers (
  id {{pk}},
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  worker_type TEXT NOT NULL,
  home_country TEXT,
  home_state TEXT,
  tax_id_masked TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  tax_id_sealed TEXT,
  tax_id_index TEXT UNIQUE,
  user_id {{int}},
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX wf_workers_name ON wf_workers (last_name, first_name);
CREATE INDEX wf_workers_email ON wf_workers (email);
CREATE TABLE wf_psrs (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  programme_id {{int}} NOT NULL REFERENCES wf_programmes(id),
  assignment_id {{int}},
  missing TEXT,
  source TEXT NOT NULL,
  vms_work_order_id TEXT,
  worker_first_name TEXT, worker_last_name TEXT, worker_email TEXT, worker_type TEXT,
  title TEXT, manager_name TEXT, manager_email TEXT, location TEXT, work_country TEXT, work_state TEXT,
  cost_centre TEXT, start_date TEXT, end_date TEXT, pay_rate TEXT, bill_rate TEXT, currency TEXT,
  status TEXT NOT NULL,
  import_sha256 TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (programme_id, vms_work_order_id)
);
CREATE TABLE wf_assignments (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  programme_id {{int}} NOT NULL REFERENCES wf_programmes(id),
  worker_id {{int}} NOT NULL REFERENCES wf_workers(id),
  psr_id {{int}},
  vms_update_pending {{int}} NOT NULL DEFAULT 0,
  notice_hours {{int}},
  rates TEXT, checklist TEXT, offboarding TEXT, final_pay TEXT,
  title TEXT NOT NULL, manager_name TEXT, manager_email TEXT, location TEXT, work_country TEXT, work_state TEXT,
  cost_centre TEXT, start_date TEXT NOT NULL, end_date TEXT, status TEXT NOT NULL, worker_type TEXT,
  vms_work_order_id TEXT, vms_worker_id TEXT, currency TEXT, pay_rate TEXT, bill_rate TEXT, end_reason TEXT,
  last_day_worked TEXT, cancel_reason TEXT, first_day_details TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX wf_assignments_client ON wf_assignments (client_id, status);
CREATE INDEX wf_assignments_worker ON wf_assignments (worker_id);
CREATE TABLE wf_assignment_revisions (
  id {{pk}},
  assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id),
  revision {{int}} NOT NULL,
  action TEXT NOT NULL,
  effective_date TEXT,
  snapshot TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (assignment_id, revision)
);
CREATE TABLE wf_documents (
  id {{pk}},
  client_id {{int}} NOT NULL, assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id),
  worker_id {{int}} NOT NULL, file_id {{int}} NOT NULL REFERENCES files(id), size {{int}} NOT NULL,
  item_id TEXT, file_name TEXT NOT NULL, content_type TEXT NOT NULL, sha256 TEXT NOT NULL, uploaded_by TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_documents_assignment ON wf_documents (assignment_id);
CREATE TABLE wf_determinations (
  id {{pk}},
  client_id {{int}} NOT NULL, assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id), worker_id {{int}} NOT NULL,
  answers TEXT, result TEXT, approval_required {{int}} NOT NULL DEFAULT 0,
  questionnaire_version TEXT, risk TEXT, status TEXT NOT NULL, approver_name TEXT, approved_at TEXT, approval_note TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_determinations_assignment ON wf_determinations (assignment_id);
CREATE TABLE wf_timeline (
  id {{pk}},
  client_id {{int}}, worker_id {{int}} NOT NULL REFERENCES wf_workers(id), assignment_id {{int}},
  kind TEXT NOT NULL, direction TEXT, subject TEXT, body TEXT NOT NULL, author_name TEXT, occurred_at TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_timeline_worker ON wf_timeline (worker_id, occurred_at);
CREATE TABLE wf_tasks (
  id {{pk}},
  client_id {{int}} NOT NULL, entity_id {{int}} NOT NULL,
  entity TEXT NOT NULL, title TEXT NOT NULL, detail TEXT, owner TEXT NOT NULL, status TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_tasks_entity ON wf_tasks (entity, entity_id);
CREATE TABLE wf_timecards (
  id {{pk}},
  client_id {{int}} NOT NULL, assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id), worker_id {{int}} NOT NULL,
  hours TEXT NOT NULL, week_start TEXT NOT NULL, total_hours TEXT NOT NULL, status TEXT NOT NULL,
  submitted_at TEXT, decided_at TEXT, decided_by TEXT, reject_reason TEXT, manager_name TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (assignment_id, week_start)
);
CREATE INDEX wf_timecards_status ON wf_timecards (status, week_start);
CREATE TABLE wf_expenses (
  id {{pk}},
  client_id {{int}} NOT NULL, assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id), worker_id {{int}} NOT NULL,
  receipt_file_id {{int}}, spent_on TEXT NOT NULL, category TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT,
  description TEXT, receipt_sha256 TEXT, status TEXT NOT NULL, submitted_at TEXT, decided_at TEXT, decided_by TEXT,
  reject_reason TEXT, manager_name TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_expenses_status ON wf_expenses (status)
)sql"},
          // An open classification re-check on a contractor's assignment (JSON: reason, opened_on, task_id).
          {"0401_workforce_recheck", "ALTER TABLE wf_assignments ADD COLUMN classification_recheck TEXT"},
          // A programme's own wording of a message or letter (message_templates.h); none = the default.
          {"0402_workforce_templates", R"sql(
CREATE TABLE wf_message_templates (
  id {{pk}},
  programme_id {{int}} NOT NULL REFERENCES wf_programmes(id),
  client_id {{int}} NOT NULL,
  kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  UNIQUE (programme_id, kind)
)
)sql"},
          // Timeline entries from other channels (comms.h): the channel (email, slack, google_chat, …), the
          // message's id there (imports are idempotent by it), attachments, and the outbox copy of a sent e-mail.
          {"wf_comms_02_timeline_channels", R"sql(
ALTER TABLE wf_timeline ADD COLUMN channel TEXT;
ALTER TABLE wf_timeline ADD COLUMN external_id TEXT;
ALTER TABLE wf_timeline ADD COLUMN attachments TEXT;
ALTER TABLE wf_timeline ADD COLUMN outbox_id {{int}};
CREATE UNIQUE INDEX wf_timeline_external ON wf_timeline (worker_id, channel, external_id)
)sql"},
          // When a task is due (Level II questions, knowledge_base.h).
          {"wf_comms_03_task_due", "ALTER TABLE wf_tasks ADD COLUMN due_date TEXT"},
          // A contractor converted to an employee: the assignment's conversion, the worker's types over time.
          {"wf_life_001_conversion", R"sql(
ALTER TABLE wf_assignments ADD COLUMN conversion TEXT;
ALTER TABLE wf_workers ADD COLUMN type_history TEXT
)sql"},
          // The programme's minimum notice of an end, the notice an end was given, and what the latest VMS
          // export says of each work order (the alerts of audits.h).
          {"wf_life_002_alerts", R"sql(
ALTER TABLE wf_programmes ADD COLUMN minimum_notice_days {{int}};
ALTER TABLE wf_programmes ADD COLUMN notice_day_kind TEXT;
ALTER TABLE wf_assignments ADD COLUMN notice TEXT;
CREATE TABLE wf_vms_work_orders (
  id {{pk}},
  programme_id {{int}} NOT NULL REFERENCES wf_programmes(id),
  client_id {{int}} NOT NULL,
  vms_work_order_id TEXT NOT NULL,
  vms_status TEXT,
  vms_end_date TEXT,
  file_name TEXT,
  seen_at TEXT NOT NULL,
  UNIQUE (programme_id, vms_work_order_id)
)
)sql"},
          // SOW deliverables and milestones of a contractor's engagement (deliverable.h).
          {"wf_life_003_deliverables", R"sql(
CREATE TABLE wf_deliverables (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  assignment_id {{int}} NOT NULL REFERENCES wf_assignments(id),
  worker_id {{int}} NOT NULL,
  title TEXT NOT NULL, description TEXT, due_date TEXT NOT NULL, amount TEXT, currency TEXT,
  status TEXT NOT NULL, submitted_at TEXT, submitted_by TEXT, decided_at TEXT, decided_by TEXT, reject_reason TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_deliverables_assignment ON wf_deliverables (assignment_id);
CREATE INDEX wf_deliverables_due ON wf_deliverables (status, due_date)
)sql"}};
}

}  // namespace concord::workforce
