// Stored job expenses and their use cases: record (with the estimate's mark-up by default), edit while not
// frozen, approve / reject, attach a receipt, list with search, filters, sort and keyset pages. Invoices bill
// approved, billable ones (invoice_service.cpp reserves and freezes them); job actuals include them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agency/expense.h"
#include "agency/service.h"
#include "jobs/jobs.h"

namespace concord::agency {

struct ExpenseRecord {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t job_id = 0;
  std::string job_number;
  Expense expense;
  std::optional<int64_t> receipt_file_id;
  std::string receipt_name;
  std::optional<int64_t> invoice_id;
  std::string decided_by;  // who approved or rejected it
  std::optional<std::string> decided_at;
  std::string reject_reason;
  std::string created_by;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct ExpenseInput {
  std::optional<int64_t> job_id;  // create only
  std::optional<Date> expense_date;
  std::optional<std::string> supplier, category, description;
  std::optional<Decimal> cost;
  std::optional<std::string> currency;    // default the job's (anything else is refused)
  std::optional<Decimal> markup_percent;  // create: default the approved estimate's for the category
  std::optional<bool> billable;
};

class ExpenseService {
 public:
  ExpenseService(store::Database& db, AgencyService& agency) : db_(db), agency_(agency) {}
  AgencyService& agency() { return agency_; }

  Result<std::pair<std::vector<ExpenseRecord>, KeyedRows>> List(const auth::Principal& caller, const ListQuery& query);
  Result<ExpenseRecord> Get(const auth::Principal& caller, int64_t id);
  Result<ExpenseRecord> Create(const auth::Principal& caller, const ExpenseInput& input, const std::string& request_id);
  Result<ExpenseRecord> Edit(const auth::Principal& caller, int64_t id, int64_t expected_version,
                             const ExpenseInput& input, const std::string& request_id);
  Status Delete(const auth::Principal& caller, int64_t id, int64_t expected_version, const std::string& request_id);
  // submitted -> approved | rejected (with a reason), rejected -> submitted.
  Result<ExpenseRecord> Decide(const auth::Principal& caller, int64_t id, int64_t expected_version, ExpenseState to,
                               const std::string& reason, const std::string& request_id);
  Result<ExpenseRecord> AttachReceipt(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                      const std::string& file_name, const std::string& content_type,
                                      const std::string& bytes, const std::string& request_id);
  Result<jobs::File> Receipt(const auth::Principal& caller, int64_t id);

 private:
  store::Database& db_;
  AgencyService& agency_;
};

nlohmann::json ToJson(const ExpenseRecord& record);

// For the other agency services (same transaction as theirs).
Result<std::vector<ExpenseRecord>> LoadExpensesWhere(store::Connection& conn, const std::string& where,
                                                     const std::vector<store::Value>& params);
// Σ billable amounts of a job's expenses that are not rejected (the job's actual spend at billing value).
Result<Money> ExpenseActualOfJob(store::Connection& conn, int64_t job_id, const std::string& currency);
std::vector<store::Migration> ExpenseMigrations();

}  // namespace concord::agency
