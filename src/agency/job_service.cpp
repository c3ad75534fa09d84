// Jobs: opening with a number from the configured pattern, edits, the status machine and the alerts view.
#include <map>

#include "agency/expenses.h"
#include "agency/loaders.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kJobColumns =
    "j.id, j.client_id, c.legal_name, j.number, j.title, j.job_type, j.description, j.brief, j.owner_user_id, "
    "u.name, j.status, j.billable, j.currency, j.start_date, j.due_date, j.milestones, j.version, j.created_at, "
    "j.updated_at";
constexpr const char* kJobFrom =
    "agency_jobs j JOIN clients c ON c.id = j.client_id LEFT JOIN users u ON u.id = j.owner_user_id";

Job JobFromRow(const store::Row& r) {
  Job j;
  j.id = r.Int(0);
  j.client_id = r.Int(1);
  j.client_name = r.Text(2);
  j.number = r.Text(3);
  j.title = r.Text(4);
  j.job_type = r.Text(5);
  j.description = r.Text(6);
  j.brief = r.Text(7);
  j.owner_user_id = r.OptInt(8);
  j.owner_name = r.Text(9);
  j.status = ParseJobStatus(r.Text(10)).value();
  j.billable = r.Bool(11);
  j.currency = r.Text(12);
  j.start_date = OptDate(r.OptText(13));
  j.due_date = OptDate(r.OptText(14));
  for (const auto& m : nlohmann::json::parse(r.Text(15), nullptr, false)) {
    if (auto due = OptDate(m.value("due", ""))) j.milestones.push_back({m.value("name", ""), *due, m.value("done", false)});
  }
  j.version = r.Int(16);
  j.created_at = r.Text(17);
  j.updated_at = r.Text(18);
  return j;
}

std::string MilestonesJson(const std::vector<JobMilestone>& milestones) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : milestones) out.push_back({{"name", m.name}, {"due", m.due.ToString()}, {"done", m.done}});
  return out.dump();
}

const ListSpec kJobList{kJobFrom,
                        "j.id",
                        "j.client_id",
                        {"j.number", "j.title", "c.legal_name", "j.job_type"},
                        {{"due_date", "COALESCE(j.due_date, '9999-12-31')"},
                         {"number", "j.number"},
                         {"title", "LOWER(j.title)"},
                         {"status", "j.status"},
                         {"client", "LOWER(c.legal_name)"},
                         {"updated_at", "j.updated_at"}},
                        {{"status", "j.status"}, {"client_id", "CAST(j.client_id AS TEXT)"},
                         {"owner_user_id", "CAST(j.owner_user_id AS TEXT)"}, {"job_type", "j.job_type"}}};

Status ValidateJob(const Job& j) {
  std::vector<FieldError> errors;
  if (j.title.empty()) errors.push_back({"title", "job.title_required", "Give the job a title."});
  if (j.start_date && j.due_date && *j.due_date < *j.start_date) {
    errors.push_back({"due_date", "job.due_before_start", "The due date is before the start date."});
  }
  for (size_t i = 0; i < j.milestones.size(); ++i) {
    if (j.milestones[i].name.empty()) {
      errors.push_back({"milestones[" + std::to_string(i) + "].name", "job.milestone_name_required", "Name it."});
    }
  }
  if (j.currency.size() != 3) errors.push_back({"currency", "job.currency_invalid", "A three-letter ISO 4217 code."});
  if (!errors.empty()) {
    std::string code = errors.front().code;
    return Error::Invalid(code, "The job has errors; see the fields.", std::move(errors));
  }
  return {};
}

void Apply(const JobInput& in, Job& j) {
  if (in.title) j.title = *in.title;
  if (in.job_type) j.job_type = *in.job_type;
  if (in.description) j.description = *in.description;
  if (in.brief) j.brief = *in.brief;
  if (in.currency) j.currency = *in.currency;
  if (in.owner_user_id) j.owner_user_id = *in.owner_user_id;
  if (in.billable) j.billable = *in.billable;
  if (in.start_date) j.start_date = *in.start_date;
  if (in.due_date) j.due_date = *in.due_date;
  if (in.milestones) j.milestones = *in.milestones;
}

Status SaveJob(store::Connection& c, const Job& j, int64_t expected_version) {
  auto changed = c.Execute(
      "UPDATE agency_jobs SET title = ?, job_type = ?, description = ?, brief = ?, owner_user_id = ?, status = ?, "
      "billable = ?, currency = ?, start_date = ?, due_date = ?, milestones = ?, version = version + 1, "
      "updated_at = ? WHERE id = ? AND version = ?",
      {j.title, j.job_type, j.description, j.brief, store::Opt(j.owner_user_id), JobStatusName(j.status),
       int64_t{j.billable ? 1 : 0}, j.currency, DateValue(j.start_date), DateValue(j.due_date),
       MilestonesJson(j.milestones), store::NowText(), j.id, expected_version});
  if (!changed.ok()) {
    if (changed.error().code == "store.foreign_key_violation") {
      return Error::Invalid("agency.user_unknown", "The owner is not a user.",
                            {{"owner_user_id", "agency.user_unknown", "No such user."}});
    }
    return std::move(changed).error();
  }
  if (*changed == 0) return StaleVersion("job");
  return {};
}

}  // namespace

Result<Job> LoadJob(store::Connection& conn, const Scope& scope, int64_t id) {
  return JobFromRow(TRY(LoadRow(conn, scope, kJobList, kJobColumns, id, "job")));
}

Result<Money> TimeValue(const RateCard& card, const std::string& client_code, const std::vector<TimeRecord>& time,
                        const std::string& currency, bool billable_only) {
  // Minutes per (service, rate): each printed line is rounded once, as on the invoice.
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, Money>> lines;
  for (const auto& t : time) {
    if (billable_only && !t.entry.billable) continue;
    const ResolvedRate rate = TRY(card.Resolve(client_code, t.entry.service, t.entry.work_date));
    auto& line = lines[{t.entry.service, rate.rate.amount().ToString()}];
    line.first += t.entry.minutes;
    line.second = rate.rate;
  }
  Money total(Decimal(), currency);
  for (const auto& [key, line] : lines) {
    if (line.second.currency() != currency) {
      return Error::Invalid("rate.currency_mismatch", "The rate card's " + key.first + " rate is in " +
                                                          line.second.currency() + ", the job in " + currency + ".");
    }
    total = total + TimeAmount(line.first, line.second);
  }
  return total;
}

Result<JobView> AgencyService::ViewOf(store::Connection& conn, Job job) {
  JobView view;
  const auto estimates = TRY(LoadJobEstimates(conn, job.id));
  std::vector<Estimate> rules;
  std::optional<Date> sent_on;
  for (const auto& e : estimates) {
    rules.push_back(e.estimate);
    if (e.estimate.status == EstimateStatus::kSent && e.estimate.sent_at) {
      const Date day = e.estimate.sent_at->UtcDate();
      if (!sent_on || day < *sent_on) sent_on = day;
    }
  }
  view.budget = TRY(JobBudgetOf(rules, job.currency));
  const auto time = TRY(LoadTimeWhere(conn, "t.job_id = ?", {job.id}));
  for (const auto& t : time) {
    if (t.entry.billable) view.billable_minutes += t.entry.minutes;
  }
  const RateCard card = TRY(LoadRateCard(conn));
  const std::string code = TRY(ClientCode(conn, job.client_id));
  auto actual = TimeValue(card, code, time, job.currency, true);
  view.actual = actual.ok() ? *actual : Money(Decimal(), job.currency);  // no rate yet: nothing to value
  view.actual = view.actual + TRY(ExpenseActualOfJob(conn, job.id, job.currency));
  JobSnapshot snap;
  snap.job_number = job.number;
  snap.status = job.status;
  snap.billable = job.billable;
  snap.due_date = job.due_date;
  if (view.budget.amount.amount().Sign() != 0 || view.budget.has_approved_original ||
      view.budget.approved_change_orders > 0) {
    snap.approved_budget = view.budget.amount;
  }
  snap.actual = view.actual;
  snap.estimate_sent_on = sent_on;
  snap.billable_minutes = view.billable_minutes;
  view.alerts = JobAlerts(snap, Today());
  view.lacks_approved_estimate = LacksApprovedEstimate(snap);
  view.job = std::move(job);
  return view;
}

Date AgencyService::Today() {
  auto settings = GetSettings();
  if (!settings.ok()) return Now().UtcDate();
  return settings->Policy().calendar.LocalDate(Now());
}

Result<std::pair<std::vector<JobView>, KeyedRows>> AgencyService::ListJobs(const auth::Principal& caller,
                                                                          const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  KeyedRows rows = TRY(ListRows(*conn, caller.ClientScope(), kJobList, kJobColumns, query));
  std::vector<JobView> views;
  for (const auto& r : rows.rows) views.push_back(TRY(ViewOf(*conn, JobFromRow(r))));
  return std::make_pair(std::move(views), std::move(rows));
}

Result<JobView> AgencyService::GetJob(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return ViewOf(*conn, TRY(LoadJob(*conn, caller.ClientScope(), id)));
}

Result<JobView> AgencyService::OpenJob(const auth::Principal& caller, const JobInput& input,
                                       const std::string& request_id) {
  if (!input.client_id) {
    return Error::Invalid("job.client_required", "Open the job for a client.",
                          {{"client_id", "job.client_required", "Required."}});
  }
  Job job;
  job.client_id = *input.client_id;
  job.owner_user_id = caller.user_id;
  Apply(input, job);
  TRY(ValidateJob(job));
  const Settings settings = TRY(GetSettings());
  const Date today = Today();
  return db_.Transact<JobView>([&](store::Connection& c) -> Result<JobView> {
    if (!caller.CanSeeClient(job.client_id) || TRY(c.Query("SELECT id FROM clients WHERE id = ?", {job.client_id})).empty()) {
      return Error::NotFound("client.not_found", "No client " + std::to_string(job.client_id) + ".");
    }
    const std::string code = TRY(ClientCode(c, job.client_id));
    const int64_t last = TRY(c.QueryOne("SELECT COALESCE(MAX(seq), 0) FROM agency_jobs WHERE client_id = ? AND seq_year = ?",
                                        {job.client_id, int64_t{today.year()}}))
                             .Int(0);
    job.number = TRY(NextJobNumber(settings.job_pattern, code, today, last));
    const std::string now = store::NowText();
    auto row = c.QueryOne(
        "INSERT INTO agency_jobs (client_id, number, seq_year, seq, title, job_type, description, brief, "
        "owner_user_id, status, billable, currency, start_date, due_date, milestones, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
        {job.client_id, job.number, int64_t{today.year()}, last + 1, job.title, job.job_type, job.description, job.brief,
         store::Opt(job.owner_user_id), JobStatusName(JobStatus::kOpen), int64_t{job.billable ? 1 : 0}, job.currency,
         DateValue(job.start_date), DateValue(job.due_date), MilestonesJson(job.milestones), now, now});
    if (!row.ok()) {
      if (row.error().code == "store.unique_violation") {
        return Error::Conflict("job.number_taken", "Job number " + job.number +
                                                       " is already used (the pattern repeats a number); change the "
                                                       "job-number pattern.");
      }
      if (row.error().code == "store.foreign_key_violation") {
        return Error::Invalid("agency.user_unknown", "The owner is not a user.",
                              {{"owner_user_id", "agency.user_unknown", "No such user."}});
      }
      return std::move(row).error();
    }
    Job saved = TRY(LoadJob(c, std::nullopt, row->Int(0)));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_job", std::to_string(saved.id), saved.client_id, "create", nullptr, ToJson(saved)}));
    return ViewOf(c, std::move(saved));
  });
}

Result<JobView> AgencyService::UpdateJob(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                         const JobInput& input, const std::string& request_id) {
  return db_.Transact<JobView>([&](store::Connection& c) -> Result<JobView> {
    const Job before = TRY(LoadJob(c, caller.ClientScope(), id));
    if (IsFinal(before.status)) {
      return ConflictAt("job.final", "status", std::string("The job is ") + JobStatusName(before.status) +
                                                   "; nothing on it changes any more.");
    }
    Job after = before;
    Apply(input, after);
    TRY(ValidateJob(after));
    TRY(SaveJob(c, after, expected_version));
    Job saved = TRY(LoadJob(c, std::nullopt, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_job", std::to_string(id), saved.client_id, "update", ToJson(before), ToJson(saved)}));
    return ViewOf(c, std::move(saved));
  });
}

Result<JobView> AgencyService::ChangeJobStatus(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                               JobStatus to, const std::string& request_id) {
  return db_.Transact<JobView>([&](store::Connection& c) -> Result<JobView> {
    const Job before = TRY(LoadJob(c, caller.ClientScope(), id));
    TRY(Transition(before.status, to));
    Job after = before;
    after.status = to;
    TRY(SaveJob(c, after, expected_version));
    Job saved = TRY(LoadJob(c, std::nullopt, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"agency_job", std::to_string(id), saved.client_id, std::string("status:") + JobStatusName(to),
                       ToJson(before), ToJson(saved)}));
    return ViewOf(c, std::move(saved));
  });
}

nlohmann::json ToJson(const Job& j) {
  nlohmann::json milestones = nlohmann::json::array();
  for (const auto& m : j.milestones) milestones.push_back({{"name", m.name}, {"due", m.due.ToString()}, {"done", m.done}});
  auto date = [](const std::optional<Date>& d) { return d ? nlohmann::json(d->ToString()) : nlohmann::json(); };
  return {{"id", j.id},
          {"client_id", j.client_id},
          {"client_name", j.client_name},
          {"number", j.number},
          {"title", j.title},
          {"job_type", j.job_type},
          {"description", j.description},
          {"brief", j.brief},
          {"owner_user_id", j.owner_user_id ? nlohmann::json(*j.owner_user_id) : nlohmann::json()},
          {"owner_name", j.owner_name},
          {"status", JobStatusName(j.status)},
          {"billable", j.billable},
          {"currency", j.currency},
          {"start_date", date(j.start_date)},
          {"due_date", date(j.due_date)},
          {"milestones", milestones},
          {"version", j.version},
          {"created_at", j.created_at},
          {"updated_at", j.updated_at}};
}

nlohmann::json ToJson(const JobAlert& a) {
  nlohmann::json j = {{"code", a.code}, {"message", a.message}, {"days", a.days}};
  if (a.kind == AlertKind::kOverBudget) {
    j["threshold_percent"] = a.threshold_percent;
    j["percent_used"] = a.percent_used.ToString();
  }
  return j;
}

nlohmann::json ToJson(const JobView& v) {
  nlohmann::json j = ToJson(v.job);
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& a : v.alerts) alerts.push_back(ToJson(a));
  j["budget"] = v.budget.amount.amount().ToString();
  j["has_approved_estimate"] = v.budget.has_approved_original;
  j["approved_change_orders"] = v.budget.approved_change_orders;
  j["actual"] = v.actual.amount().ToString();
  j["billable_minutes"] = v.billable_minutes;
  j["lacks_approved_estimate"] = v.lacks_approved_estimate;
  j["alerts"] = alerts;
  return j;
}

}  // namespace concord::agency
