// The agency's billing tables beside schema.cpp's: job expenses, the payments received against an invoice
// (each with its remittance reference) and every delivery of an invoice (to whom, how, when).
#include "agency/expenses.h"

namespace concord::agency {

std::vector<store::Migration> ExpenseMigrations() {
  return {{"0620_agency_billing", R"sql(
CREATE TABLE agency_expenses (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  job_id {{int}} NOT NULL REFERENCES agency_jobs(id),
  expense_date TEXT NOT NULL,
  supplier TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  cost TEXT NOT NULL,
  currency TEXT NOT NULL,
  markup_percent TEXT NOT NULL DEFAULT '0',
  billable {{int}} NOT NULL DEFAULT 1,
  state TEXT NOT NULL,
  receipt_file_id {{int}} REFERENCES files(id),
  receipt_name TEXT NOT NULL DEFAULT '',
  invoice_id {{int}} REFERENCES agency_invoices(id),
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  reject_reason TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agency_expenses_job ON agency_expenses (job_id, expense_date);
CREATE TABLE agency_invoice_payments (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  invoice_id {{int}} NOT NULL REFERENCES agency_invoices(id),
  received_on TEXT NOT NULL,
  amount TEXT NOT NULL,
  currency TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_invoice_payments_invoice ON agency_invoice_payments (invoice_id);
CREATE TABLE agency_invoice_deliveries (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  invoice_id {{int}} NOT NULL REFERENCES agency_invoices(id),
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  sent_to TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  outbox_id {{int}},
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_invoice_deliveries_invoice ON agency_invoice_deliveries (invoice_id)
)sql"},
          {"0631_agency_default_markup", R"sql(
ALTER TABLE agency_settings ADD COLUMN default_expense_markup_percent TEXT NOT NULL DEFAULT '0'
)sql"}};
}

}  // namespace concord::agency
