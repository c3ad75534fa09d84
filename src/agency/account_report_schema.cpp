// The account status reports (one per account and week, covering every live job) and each account's
// weekly schedule; the schedule's firing lives in the platform's `schedules` table.
#include "agency/account_reports.h"

namespace concord::agency {

std::vector<store::Migration> AccountReportMigrations() {
  return {{"0630_agency_account_reports", R"sql(
CREATE TABLE agency_account_reports (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  state TEXT NOT NULL,
  origin TEXT NOT NULL,
  narrative TEXT NOT NULL DEFAULT '',
  lines TEXT NOT NULL DEFAULT '[]',
  previous_id {{int}} REFERENCES agency_account_reports(id),
  sent_at TEXT,
  sent_to TEXT NOT NULL DEFAULT '',
  outbox_id {{int}},
  author TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agency_account_reports_client ON agency_account_reports (client_id, state, id);
CREATE TABLE agency_account_report_schedules (
  client_id {{int}} PRIMARY KEY REFERENCES clients(id),
  weekday {{int}},
  auto_send {{int}} NOT NULL DEFAULT 0,
  send_to TEXT NOT NULL DEFAULT '',
  version {{int}} NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
)
)sql"}};
}

}  // namespace concord::agency
