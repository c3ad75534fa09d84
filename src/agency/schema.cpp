// The agency tables. Every record carries client_id, so every read applies the caller's client scope in
// its WHERE clause. Money is stored as decimal text beside its currency; lists of lines and milestones
// are JSON text (they are read and written whole, with their parent record).
#include "agency/account_reports.h"
#include "agency/expenses.h"
#include "agency/store.h"

namespace concord::agency {

std::vector<store::Migration> Migrations() {
  std::vector<store::Migration> all{{"0600_agency", R"sql(
CREATE TABLE agency_settings (
  id {{int}} PRIMARY KEY,
  job_pattern TEXT NOT NULL,
  invoice_pattern TEXT NOT NULL,
  credit_note_pattern TEXT NOT NULL,
  entry_window_days {{int}} NOT NULL,
  time_zone TEXT NOT NULL,
  holidays TEXT NOT NULL DEFAULT '[]',
  locked_through TEXT,
  contact_report_days {{int}} NOT NULL DEFAULT 2,
  version {{int}} NOT NULL DEFAULT 1
);
INSERT INTO agency_settings (id, job_pattern, invoice_pattern, credit_note_pattern, entry_window_days, time_zone)
VALUES (1, '{client}-{YY}{seq:4}', 'INV-{YYYY}-{seq:4}', 'CN-{YYYY}-{seq:4}', 3, 'America/New_York');
CREATE TABLE agency_accounts (
  client_id {{int}} PRIMARY KEY REFERENCES clients(id),
  client_code TEXT NOT NULL UNIQUE,
  industry TEXT NOT NULL DEFAULT '',
  org_structure TEXT NOT NULL DEFAULT '',
  products TEXT NOT NULL DEFAULT '',
  services TEXT NOT NULL DEFAULT '',
  markets TEXT NOT NULL DEFAULT '',
  distribution TEXT NOT NULL DEFAULT '',
  branding_requirements TEXT NOT NULL DEFAULT '',
  team TEXT NOT NULL DEFAULT '[]',
  contact_preferences TEXT NOT NULL DEFAULT '[]',
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE agency_rates (
  id {{pk}},
  client_id {{int}} REFERENCES clients(id),
  role TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  rate TEXT NOT NULL,
  currency TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_rates_role ON agency_rates (role, effective_from);
CREATE TABLE agency_jobs (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  number TEXT NOT NULL UNIQUE,
  seq_year {{int}} NOT NULL,
  seq {{int}} NOT NULL,
  title TEXT NOT NULL,
  job_type TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  brief TEXT NOT NULL DEFAULT '',
  owner_user_id {{int}} REFERENCES users(id),
  status TEXT NOT NULL,
  billable {{int}} NOT NULL DEFAULT 1,
  currency TEXT NOT NULL DEFAULT 'USD',
  start_date TEXT,
  due_date TEXT,
  milestones TEXT NOT NULL DEFAULT '[]',
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (client_id, seq_year, seq)
);
CREATE INDEX agency_jobs_client ON agency_jobs (client_id, status);
CREATE TABLE agency_estimates (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  job_id {{int}} NOT NULL REFERENCES agency_jobs(id),
  number TEXT NOT NULL,
  revision {{int}} NOT NULL,
  kind TEXT NOT NULL,
  parent_number TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  lines TEXT NOT NULL DEFAULT '[]',
  terms TEXT NOT NULL DEFAULT '',
  close_probability TEXT NOT NULL DEFAULT '0',
  expected_close TEXT,
  total TEXT NOT NULL DEFAULT '0',
  sent_sha256 TEXT,
  sent_at TEXT,
  approved_by TEXT,
  approval_method TEXT,
  approved_at TEXT,
  approval_sha256 TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (number, revision)
);
CREATE INDEX agency_estimates_job ON agency_estimates (job_id, number, revision);
CREATE TABLE agency_documents (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  entity TEXT NOT NULL,
  entity_id {{int}} NOT NULL,
  kind TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  file_id {{int}} NOT NULL REFERENCES files(id),
  created_at TEXT NOT NULL
);
CREATE INDEX agency_documents_entity ON agency_documents (entity, entity_id);
CREATE TABLE agency_time (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  job_id {{int}} NOT NULL REFERENCES agency_jobs(id),
  user_id {{int}} NOT NULL REFERENCES users(id),
  service TEXT NOT NULL,
  work_date TEXT NOT NULL,
  minutes {{int}} NOT NULL,
  billable {{int}} NOT NULL DEFAULT 1,
  notes TEXT NOT NULL DEFAULT '',
  entered_at TEXT NOT NULL,
  late {{int}} NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  invoice_id {{int}},
  version {{int}} NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX agency_time_job ON agency_time (job_id, work_date);
CREATE INDEX agency_time_user ON agency_time (user_id, work_date);
CREATE TABLE agency_invoices (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  job_id {{int}} NOT NULL REFERENCES agency_jobs(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  number TEXT UNIQUE,
  seq_year {{int}},
  seq {{int}},
  source TEXT NOT NULL,
  currency TEXT NOT NULL,
  lines TEXT NOT NULL DEFAULT '[]',
  tax_percent TEXT NOT NULL DEFAULT '0',
  payment_terms_days {{int}} NOT NULL DEFAULT 30,
  issue_date TEXT,
  due_date TEXT,
  credited_invoice_id {{int}} REFERENCES agency_invoices(id),
  subtotal TEXT NOT NULL DEFAULT '0',
  tax TEXT NOT NULL DEFAULT '0',
  total TEXT NOT NULL DEFAULT '0',
  paid TEXT NOT NULL DEFAULT '0',
  delivery_status TEXT NOT NULL DEFAULT 'not_sent',
  delivered_to TEXT NOT NULL DEFAULT '',
  delivered_at TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agency_invoices_job ON agency_invoices (job_id);
CREATE UNIQUE INDEX agency_invoices_seq ON agency_invoices (kind, seq_year, seq)
)sql"},
          {"0601_agency_reports", R"sql(
CREATE TABLE agency_status_reports (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  job_id {{int}} NOT NULL REFERENCES agency_jobs(id),
  status TEXT NOT NULL,
  progress {{int}} NOT NULL,
  budget TEXT NOT NULL,
  actual TEXT NOT NULL,
  currency TEXT NOT NULL,
  narrative TEXT NOT NULL DEFAULT '',
  milestones TEXT NOT NULL DEFAULT '[]',
  moved TEXT NOT NULL DEFAULT '[]',
  sent_at TEXT,
  sent_to TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_status_reports_job ON agency_status_reports (job_id, id);
CREATE TABLE agency_contact_reports (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  meeting_date TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '[]',
  discussion TEXT NOT NULL DEFAULT '',
  decisions TEXT NOT NULL DEFAULT '',
  job_ids TEXT NOT NULL DEFAULT '[]',
  distribute_by TEXT NOT NULL,
  distributed_at TEXT,
  distributed_to TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_contact_reports_client ON agency_contact_reports (client_id, meeting_date);
CREATE TABLE agency_traffic_meetings (
  id {{pk}},
  meeting_date TEXT NOT NULL,
  agenda TEXT NOT NULL DEFAULT '[]',
  agreed_at TEXT,
  author TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE agency_action_items (
  id {{pk}},
  client_id {{int}} REFERENCES clients(id),
  contact_report_id {{int}} REFERENCES agency_contact_reports(id),
  traffic_meeting_id {{int}} REFERENCES agency_traffic_meetings(id),
  job_id {{int}} REFERENCES agency_jobs(id),
  text TEXT NOT NULL,
  owner_user_id {{int}} REFERENCES users(id),
  due_date TEXT,
  done_at TEXT,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_action_items_open ON agency_action_items (done_at, due_date)
)sql"}};
  for (auto& m : AccountMigrations()) all.push_back(std::move(m));  // schema_accounts.cpp
  for (auto& m : ExpenseMigrations()) all.push_back(std::move(m));  // billing_schema.cpp
  for (auto& m : AccountReportMigrations()) all.push_back(std::move(m));  // account_report_schema.cpp
  return all;
}

}  // namespace concord::agency
