// Job expenses: recorded against a job (the estimate's mark-up by default), edited while submitted or
// rejected, approved or rejected by the agency admin, receipts kept as files. Every write is audited in its
// transaction; every read applies the caller's client scope.
#include "agency/expenses.h"
#include "agency/loaders.h"
#include "agency/markup_default.h"
#include "audit/audit.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kExpenseColumns =
    "x.id, x.client_id, x.job_id, j.number, x.expense_date, x.supplier, x.category, x.description, x.cost, "
    "x.currency, x.markup_percent, x.billable, x.state, x.receipt_file_id, x.receipt_name, x.invoice_id, "
    "x.decided_by, x.decided_at, x.reject_reason, x.created_by, x.version, x.created_at, x.updated_at";
constexpr const char* kExpenseFrom = "agency_expenses x JOIN agency_jobs j ON j.id = x.job_id";

const ListSpec kExpenseList{kExpenseFrom,
                            "x.id",
                            "x.client_id",
                            {"j.number", "x.supplier", "x.category", "x.description"},
                            {{"expense_date", "x.expense_date"},
                             {"supplier", "LOWER(x.supplier)"},
                             {"job", "j.number"},
                             {"state", "x.state"},
                             {"updated_at", "x.updated_at"}},
                            {{"job_id", "CAST(x.job_id AS TEXT)"},
                             {"client_id", "CAST(x.client_id AS TEXT)"},
                             {"state", "x.state"},
                             {"category", "x.category"},
                             {"billable", "CAST(x.billable AS TEXT)"}}};

ExpenseRecord ExpenseFromRow(const store::Row& r) {
  ExpenseRecord rec;
  rec.id = r.Int(0);
  rec.client_id = r.Int(1);
  rec.job_id = r.Int(2);
  rec.job_number = r.Text(3);
  Expense& x = rec.expense;
  x.expense_date = *OptDate(r.Text(4));
  x.supplier = r.Text(5);
  x.category = r.Text(6);
  x.description = r.Text(7);
  x.cost = MoneyOf(r.Text(8), r.Text(9));
  x.markup_percent = DecimalOf(r.Text(10));
  x.billable = r.Bool(11);
  x.state = ExpenseStateOf(r.Text(12)).value_or(ExpenseState::kSubmitted);
  rec.receipt_file_id = r.OptInt(13);
  rec.receipt_name = r.Text(14);
  rec.invoice_id = r.OptInt(15);
  rec.decided_by = r.Text(16);
  rec.decided_at = r.OptText(17);
  rec.reject_reason = r.Text(18);
  rec.created_by = r.Text(19);
  rec.version = r.Int(20);
  rec.created_at = r.Text(21);
  rec.updated_at = r.Text(22);
  return rec;
}

Result<ExpenseRecord> LoadExpense(store::Connection& c, const Scope& scope, int64_t id) {
  return ExpenseFromRow(TRY(LoadRow(c, scope, kExpenseList, kExpenseColumns, id, "expense")));
}

Status Audit(store::Connection& c, const auth::Principal& caller, const std::string& request_id,
             const std::string& action, const nlohmann::json& before, const ExpenseRecord& after) {
  return audit::Append(c, caller.Actor(request_id),
                       {"agency_expense", std::to_string(after.id), after.client_id, action, before, ToJson(after)});
}

void Apply(const ExpenseInput& in, Expense& x) {
  if (in.expense_date) x.expense_date = *in.expense_date;
  if (in.supplier) x.supplier = *in.supplier;
  if (in.category) x.category = *in.category;
  if (in.description) x.description = *in.description;
  if (in.cost || in.currency) {
    x.cost = Money(in.cost.value_or(x.cost.amount()), in.currency.value_or(x.cost.currency()));
  }
  if (in.markup_percent) x.markup_percent = *in.markup_percent;
  if (in.billable) x.billable = *in.billable;
}

// Bumps the version when it still is `expected`; "stale" otherwise.
Status SaveExpense(store::Connection& c, int64_t id, int64_t expected, const Expense& x) {
  const int64_t changed = TRY(c.Execute(
      "UPDATE agency_expenses SET expense_date = ?, supplier = ?, category = ?, description = ?, cost = ?, "
      "currency = ?, markup_percent = ?, billable = ?, state = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      {x.expense_date.ToString(), x.supplier, x.category, x.description, x.cost.amount().ToString(),
       x.cost.currency(), x.markup_percent.ToString(), int64_t{x.billable ? 1 : 0}, ExpenseStateName(x.state),
       store::NowText(), id, expected}));
  if (changed == 0) return StaleVersion("expense");
  return {};
}

}  // namespace

Result<std::vector<ExpenseRecord>> LoadExpensesWhere(store::Connection& conn, const std::string& where,
                                                     const std::vector<store::Value>& params) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kExpenseColumns + " FROM " + kExpenseFrom + " WHERE " + where +
                                 " ORDER BY x.expense_date, x.id",
                             params));
  std::vector<ExpenseRecord> out;
  for (const auto& r : rows) out.push_back(ExpenseFromRow(r));
  return out;
}

Result<Money> ExpenseActualOfJob(store::Connection& conn, int64_t job_id, const std::string& currency) {
  Money total(Decimal(), currency);
  for (const auto& x : TRY(LoadExpensesWhere(conn, "x.job_id = ? AND x.state <> 'rejected' AND x.currency = ?",
                                             {job_id, currency}))) {
    total = total + BillableAmount(x.expense);
  }
  return total;
}

Result<std::pair<std::vector<ExpenseRecord>, KeyedRows>> ExpenseService::List(const auth::Principal& caller,
                                                                             const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListRecords<ExpenseRecord>(*conn, caller.ClientScope(), kExpenseList, kExpenseColumns, query, ExpenseFromRow);
}

Result<ExpenseRecord> ExpenseService::Get(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadExpense(*conn, caller.ClientScope(), id);
}

Result<ExpenseRecord> ExpenseService::Create(const auth::Principal& caller, const ExpenseInput& in,
                                             const std::string& request_id) {
  if (!in.job_id) {
    return Error::Invalid("expense.job_required", "Which job is the expense for?",
                          {{"job_id", "expense.job_required", "Required."}});
  }
  const Date today = agency_.Today();
  return db_.Transact<ExpenseRecord>([&](store::Connection& c) -> Result<ExpenseRecord> {
    const Job job = TRY(LoadJob(c, caller.ClientScope(), *in.job_id));
    TRY(CheckAcceptsTime(job.status));  // costs, like time, only go on a job that is still open
    Expense x;
    x.expense_date = today;
    x.cost = Money(Decimal(), job.currency);
    x.billable = job.billable;
    Apply(in, x);
    if (!in.markup_percent) {
      std::vector<Estimate> estimates;
      for (const auto& e : TRY(LoadJobEstimates(c, job.id))) estimates.push_back(e.estimate);
      const auto agreed = EstimateMarkupFor(estimates, x.category);
      x.markup_percent = agreed ? *agreed : TRY(DefaultExpenseMarkup(c));
    }
    TRY(ValidateExpense(x, job.currency, today));
    const std::string now = store::NowText();
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_expenses (client_id, job_id, expense_date, supplier, category, description, cost, "
        "currency, markup_percent, billable, state, created_by, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, 1, ?, ?) RETURNING id",
        {job.client_id, job.id, x.expense_date.ToString(), x.supplier, x.category, x.description,
         x.cost.amount().ToString(), x.cost.currency(), x.markup_percent.ToString(), int64_t{x.billable ? 1 : 0},
         caller.name, now, now}));
    ExpenseRecord saved = TRY(LoadExpense(c, std::nullopt, row.Int(0)));
    TRY(Audit(c, caller, request_id, "create", nullptr, saved));
    return saved;
  });
}

Result<ExpenseRecord> ExpenseService::Edit(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           const ExpenseInput& in, const std::string& request_id) {
  const Date today = agency_.Today();
  return db_.Transact<ExpenseRecord>([&](store::Connection& c) -> Result<ExpenseRecord> {
    const ExpenseRecord before = TRY(LoadExpense(c, caller.ClientScope(), id));
    TRY(CheckExpenseEditable(before.expense.state));
    if (in.job_id && *in.job_id != before.job_id) {
      return InvalidAt("expense.job_fixed", "job_id", "An expense stays on its job; delete it and record it again.");
    }
    Expense x = before.expense;
    Apply(in, x);
    TRY(ValidateExpense(x, before.expense.cost.currency(), today));
    TRY(SaveExpense(c, id, expected_version, x));
    ExpenseRecord saved = TRY(LoadExpense(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "update", ToJson(before), saved));
    return saved;
  });
}

Status ExpenseService::Delete(const auth::Principal& caller, int64_t id, int64_t expected_version,
                              const std::string& request_id) {
  return db_.TransactStatus([&](store::Connection& c) -> Status {
    const ExpenseRecord before = TRY(LoadExpense(c, caller.ClientScope(), id));
    TRY(CheckExpenseEditable(before.expense.state));
    const int64_t changed =
        TRY(c.Execute("DELETE FROM agency_expenses WHERE id = ? AND version = ?", {id, expected_version}));
    if (changed == 0) return StaleVersion("expense");
    return audit::Append(c, caller.Actor(request_id), {"agency_expense", std::to_string(id), before.client_id,
                                                       "delete", ToJson(before), nullptr});
  });
}

Result<ExpenseRecord> ExpenseService::Decide(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                             ExpenseState to, const std::string& reason,
                                             const std::string& request_id) {
  if (to == ExpenseState::kRejected && reason.empty()) {
    return InvalidAt("expense.reason_required", "reason", "Say why the expense is rejected.");
  }
  if (to == ExpenseState::kInvoiced) {
    return ConflictAt("expense.invalid_transition", "state", "Expenses become invoiced when their invoice is issued.");
  }
  return db_.Transact<ExpenseRecord>([&](store::Connection& c) -> Result<ExpenseRecord> {
    const ExpenseRecord before = TRY(LoadExpense(c, caller.ClientScope(), id));
    TRY(TransitionExpense(before.expense.state, to));
    Expense x = before.expense;
    x.state = to;
    TRY(SaveExpense(c, id, expected_version, x));
    const bool decided = to != ExpenseState::kSubmitted;
    TRY(c.Execute("UPDATE agency_expenses SET decided_by = ?, decided_at = ?, reject_reason = ? WHERE id = ?",
                  {decided ? caller.name : std::string(), decided ? store::Value(store::NowText()) : store::Null(),
                   to == ExpenseState::kRejected ? reason : std::string(), id}));
    ExpenseRecord saved = TRY(LoadExpense(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, ExpenseStateName(to), ToJson(before), saved));
    return saved;
  });
}

Result<ExpenseRecord> ExpenseService::AttachReceipt(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                    const std::string& file_name, const std::string& content_type,
                                                    const std::string& bytes, const std::string& request_id) {
  if (bytes.empty()) return InvalidAt("expense.receipt_empty", "body", "The receipt file is empty.");
  if (file_name.empty()) return InvalidAt("expense.receipt_name_required", "file_name", "Name the receipt file.");
  return db_.Transact<ExpenseRecord>([&](store::Connection& c) -> Result<ExpenseRecord> {
    const ExpenseRecord before = TRY(LoadExpense(c, caller.ClientScope(), id));
    TRY(CheckExpenseEditable(before.expense.state));
    const int64_t file_id =
        TRY(jobs::SaveFile(c, {0, file_name, content_type, bytes, caller.user_id, before.client_id}));
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_expenses SET receipt_file_id = ?, receipt_name = ?, version = version + 1, updated_at = ? "
        "WHERE id = ? AND version = ?",
        {file_id, file_name, store::NowText(), id, expected_version}));
    if (changed == 0) return StaleVersion("expense");
    ExpenseRecord saved = TRY(LoadExpense(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "attach_receipt", ToJson(before), saved));
    return saved;
  });
}

Result<jobs::File> ExpenseService::Receipt(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  const ExpenseRecord x = TRY(LoadExpense(*conn, caller.ClientScope(), id));
  if (!x.receipt_file_id) return Error::NotFound("expense.no_receipt", "No receipt is attached to this expense.");
  return jobs::LoadFile(*conn, *x.receipt_file_id);
}

nlohmann::json ToJson(const ExpenseRecord& r) {
  const Expense& x = r.expense;
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"id", r.id},
          {"client_id", r.client_id},
          {"job_id", r.job_id},
          {"job_number", r.job_number},
          {"expense_date", x.expense_date.ToString()},
          {"supplier", x.supplier},
          {"category", x.category},
          {"description", x.description},
          {"cost", x.cost.amount().ToString()},
          {"currency", x.cost.currency()},
          {"markup_percent", x.markup_percent.ToString()},
          {"billable", x.billable},
          {"amount", BillableAmount(x).amount().ToString()},
          {"state", ExpenseStateName(x.state)},
          {"frozen", !CheckExpenseEditable(x.state).ok()},
          {"receipt_name", r.receipt_name},
          {"has_receipt", r.receipt_file_id.has_value()},
          {"invoice_id", opt(r.invoice_id)},
          {"decided_by", r.decided_by},
          {"decided_at", opt(r.decided_at)},
          {"reject_reason", r.reject_reason},
          {"created_by", r.created_by},
          {"version", r.version},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

}  // namespace concord::agency
