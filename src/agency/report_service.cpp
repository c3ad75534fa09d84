// Reports: jobs without an approved LOE, time-entry compliance, late-time reminders and the forecast.
#include <map>

#include "agency/expenses.h"
#include "agency/loaders.h"
#include "store/sql.h"

namespace concord::agency {
namespace {

// Every job in the caller's scope, oldest first (reports read them all; lists page).
Result<std::vector<int64_t>> ScopedJobIds(store::Connection& conn, const Scope& scope, const std::string& extra) {
  std::string sql = "SELECT j.id FROM agency_jobs j WHERE 1 = 1" + extra;
  std::vector<store::Value> params;
  store::AppendScope(scope, "j.client_id", sql, params);
  std::vector<int64_t> out;
  for (const auto& r : TRY(conn.Query(sql + " ORDER BY j.id", params))) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<TimeRecord>> ScopedTime(store::Connection& conn, const Scope& scope, Date from, Date to) {
  std::string where = "t.work_date >= ? AND t.work_date <= ?";
  std::vector<store::Value> params{from.ToString(), to.ToString()};
  store::AppendScope(scope, "t.client_id", where, params);
  return LoadTimeWhere(conn, where, params);
}

}  // namespace

Result<std::vector<JobView>> AgencyService::JobsWithoutApprovedLoe(const auth::Principal& caller) {
  auto conn = TRY(db_.Acquire());
  std::vector<JobView> out;
  for (int64_t id : TRY(ScopedJobIds(*conn, caller.ClientScope(), " AND j.billable = 1 AND j.status <> 'cancelled'"))) {
    JobView view = TRY(ViewOf(*conn, TRY(LoadJob(*conn, std::nullopt, id))));
    if (view.lacks_approved_estimate) out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<OnTimeStats>> AgencyService::TimeCompliance(const auth::Principal& caller, Date from, Date to) {
  const TimePolicy policy = TRY(GetSettings()).Policy();
  auto conn = TRY(db_.Acquire());
  std::vector<TimeEntry> entries;
  for (const auto& t : TRY(ScopedTime(*conn, caller.ClientScope(), from, to))) entries.push_back(t.entry);
  return OnTimeByPerson(entries, policy);
}

Result<std::vector<LateReminder>> AgencyService::LateTimeReminders(const auth::Principal& caller, Date from, Date to) {
  auto conn = TRY(db_.Acquire());
  std::map<int64_t, LateReminder> by_person;
  for (const auto& t : TRY(ScopedTime(*conn, caller.ClientScope(), from, to))) {
    if (!t.late) continue;
    LateReminder& r = by_person[t.user_id];
    r.user_id = t.user_id;
    r.person = t.entry.person;
    r.late_entries += 1;
    r.late_minutes += t.entry.minutes;
    if (!r.lead_user_id) {
      // The person's lead: the account lead of the client the late time was for.
      for (const auto& row : TRY(conn->Query("SELECT team FROM agency_accounts WHERE client_id = ?", {t.client_id}))) {
        for (const auto& seat : nlohmann::json::parse(row.Text(0), nullptr, false)) {
          if (seat.value("role", "") != "lead" || seat.value("user_id", int64_t{0}) == t.user_id) continue;
          r.lead_user_id = seat.value("user_id", int64_t{0});
          auto name = TRY(conn->Query("SELECT name FROM users WHERE id = ?", {*r.lead_user_id}));
          if (!name.empty()) r.lead_name = name.front().Text(0);
          break;
        }
      }
    }
  }
  const int window = TRY(GetSettings()).entry_window_days;
  std::vector<LateReminder> out;
  for (auto& [id, r] : by_person) {
    r.message = r.person + " entered " + std::to_string(r.late_entries) + " time entr" +
                (r.late_entries == 1 ? "y" : "ies") + " (" + std::to_string(r.late_minutes) +
                " minutes) after the " + std::to_string(window) +
                "-business-day deadline between " + from.ToString() + " and " + to.ToString() +
                ". Please enter time within " + std::to_string(window) + " business days of the work." +
                (r.lead_name.empty() ? "" : " Copy: " + r.lead_name + ".");
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<ForecastMonth>> AgencyService::Forecast(const auth::Principal& caller, YearMonth first,
                                                           YearMonth last, const std::string& currency) {
  auto conn = TRY(db_.Acquire());
  const RateCard card = TRY(LoadRateCard(*conn));
  ForecastInput input;
  for (int64_t id : TRY(ScopedJobIds(*conn, caller.ClientScope(), " AND j.status NOT IN ('cancelled', 'closed')"))) {
    const Job job = TRY(LoadJob(*conn, std::nullopt, id));
    if (job.currency != currency) continue;
    const auto estimates = TRY(LoadJobEstimates(*conn, id));
    std::vector<Estimate> rules;
    // Pipeline: per estimate number, its latest revision while still open and never approved (an approved
    // revision is already committed budget; older open revisions are replaced by the latest).
    std::map<std::string, const Estimate*> latest;
    std::map<std::string, bool> approved;
    for (const auto& e : estimates) {
      rules.push_back(e.estimate);
      const Estimate*& slot = latest[e.estimate.number];
      if (!slot || slot->revision < e.estimate.revision) slot = &e.estimate;
      if (e.estimate.status == EstimateStatus::kApproved || e.estimate.status == EstimateStatus::kSuperseded) {
        approved[e.estimate.number] = approved[e.estimate.number] || e.estimate.approval.has_value();
      }
    }
    for (const auto& [number, e] : latest) {
      const bool open = e->status == EstimateStatus::kDraft || e->status == EstimateStatus::kSent;
      if (open && !approved[number] && e->expected_close && !e->lines.empty() && ValidateEstimate(*e).ok()) {
        input.pipeline.push_back({number, *e->expected_close, ComputeTotals(*e).total, e->close_probability_percent});
      }
    }
    const JobBudget budget = TRY(JobBudgetOf(rules, currency));
    if ((budget.has_approved_original || budget.approved_change_orders > 0) && job.due_date &&
        job.status != JobStatus::kInvoiced) {
      input.commitments.push_back({job.number, *job.due_date, budget.amount, TRY(BilledOfJob(*conn, id, currency))});
    }
    const std::string code = TRY(ClientCode(*conn, job.client_id));
    for (const auto& t : TRY(LoadTimeWhere(*conn, "t.job_id = ? AND t.billable = 1", {id}))) {
      auto rate = card.Resolve(code, t.entry.service, t.entry.work_date);
      if (rate.ok() && rate->rate.currency() == currency) {
        input.burn.push_back({t.entry.work_date, t.entry.minutes, rate->rate});
      }
    }
    for (const auto& x : TRY(LoadExpensesWhere(*conn, "x.job_id = ? AND x.billable = 1 AND x.state <> 'rejected'",
                                               {id}))) {
      if (x.expense.cost.currency() == currency) input.expenses.push_back({x.expense.expense_date, BillableAmount(x.expense)});
    }
  }
  return MonthlyForecast(input, first, last, currency);
}

}  // namespace concord::agency
