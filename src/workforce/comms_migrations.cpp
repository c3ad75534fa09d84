// The communication tables (comms_records.cpp has their TableMaps). Money is decimal text, dates ISO text.
#include "workforce/comms.h"

namespace concord::workforce {

std::vector<store::Migration> CommsMigrations() {
  return {{"wf_comms_01_payroll_tickets", R"sql(
CREATE TABLE wf_payroll_tickets (
  id {{pk}},
  client_id {{int}} REFERENCES clients(id),
  worker_id {{int}} NOT NULL REFERENCES wf_workers(id),
  assignment_id {{int}} REFERENCES wf_assignments(id),
  kind TEXT NOT NULL, status TEXT NOT NULL, subject TEXT NOT NULL,
  pay_period_start TEXT, pay_period_end TEXT, amount TEXT, currency TEXT,
  research_notes TEXT, payroll_reference TEXT, due_date TEXT, opened_by TEXT,
  sent_to_payroll_at TEXT, resolution TEXT, resolved_by TEXT, resolved_at TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX wf_payroll_tickets_worker ON wf_payroll_tickets (worker_id);
CREATE INDEX wf_payroll_tickets_due ON wf_payroll_tickets (status, due_date)
)sql"},
          {"wf_comms_04_knowledge", R"sql(
CREATE TABLE wf_kb_articles (
  id {{pk}},
  title TEXT NOT NULL, topic TEXT NOT NULL, body TEXT NOT NULL, citations TEXT NOT NULL, status TEXT NOT NULL,
  edited_by TEXT,
  version {{int}} NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE wf_kb_revisions (
  id {{pk}},
  article_id {{int}} NOT NULL REFERENCES wf_kb_articles(id),
  version {{int}} NOT NULL,
  title TEXT NOT NULL, topic TEXT NOT NULL, body TEXT NOT NULL, citations TEXT NOT NULL, status TEXT NOT NULL,
  edited_by TEXT, at TEXT NOT NULL,
  UNIQUE (article_id, version)
)
)sql"}};
}

}  // namespace concord::workforce
