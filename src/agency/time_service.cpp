// Billable time: entries on the N-business-day rule (late ones accepted and flagged), period locks with an
// override permission, and the freeze of approved and invoiced time.
#include "agency/loaders.h"
#include "audit/audit.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::agency {
namespace {

constexpr const char* kTimeColumns =
    "t.id, t.client_id, t.job_id, j.number, t.user_id, u.name, t.service, t.work_date, t.minutes, t.billable, "
    "t.notes, t.entered_at, t.late, t.state, t.invoice_id, t.version";
constexpr const char* kTimeFrom =
    "agency_time t JOIN agency_jobs j ON j.id = t.job_id JOIN users u ON u.id = t.user_id";

const ListSpec kTimeList{kTimeFrom,
                         "t.id",
                         "t.client_id",
                         {"j.number", "u.name", "t.service", "t.notes"},
                         {{"work_date", "t.work_date"},
                          {"person", "LOWER(u.name)"},
                          {"job", "j.number"},
                          {"minutes", "t.minutes"},
                          {"entered_at", "t.entered_at"}},
                         {{"job_id", "CAST(t.job_id AS TEXT)"}, {"user_id", "CAST(t.user_id AS TEXT)"},
                          {"state", "t.state"}, {"late", "CAST(t.late AS TEXT)"},
                          {"client_id", "CAST(t.client_id AS TEXT)"}}};

const char* StateName(TimeEntryState s) {
  switch (s) {
    case TimeEntryState::kOpen: return "open";
    case TimeEntryState::kSubmitted: return "submitted";
    case TimeEntryState::kApproved: return "approved";
    case TimeEntryState::kInvoiced: return "invoiced";
  }
  return "open";
}

TimeEntryState StateOf(const std::string& s) {
  if (s == "submitted") return TimeEntryState::kSubmitted;
  if (s == "approved") return TimeEntryState::kApproved;
  if (s == "invoiced") return TimeEntryState::kInvoiced;
  return TimeEntryState::kOpen;
}

TimeRecord TimeFromRow(const store::Row& r) {
  TimeRecord t;
  t.id = r.Int(0);
  t.client_id = r.Int(1);
  t.job_id = r.Int(2);
  t.entry.job_number = r.Text(3);
  t.user_id = r.Int(4);
  t.entry.person = r.Text(5);
  t.entry.service = r.Text(6);
  t.entry.work_date = *OptDate(r.Text(7));
  t.entry.minutes = r.Int(8);
  t.entry.billable = r.Bool(9);
  t.notes = r.Text(10);
  t.entry.entered_at = Instant::Parse(r.Text(11)).value();
  t.late = r.Bool(12);
  t.entry.state = StateOf(r.Text(13));
  t.invoice_id = r.OptInt(14);
  t.version = r.Int(15);
  return t;
}

EditPermissions PermissionsOf(const auth::Principal& caller, const Settings& settings) {
  return {settings.locked_through, auth::RoleHas(caller.role, auth::Permission::kAgencyLockOverride)};
}

Status Audit(store::Connection& c, const auth::Principal& caller, const std::string& request_id,
             const std::string& action, const nlohmann::json& before, const nlohmann::json& after, int64_t id,
             int64_t client_id) {
  return audit::Append(c, caller.Actor(request_id),
                       {"agency_time", std::to_string(id), client_id, action, before, after});
}

}  // namespace

Result<std::vector<TimeRecord>> LoadTimeWhere(store::Connection& conn, const std::string& where,
                                              const std::vector<store::Value>& params) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kTimeColumns + " FROM " + kTimeFrom + " WHERE " + where +
                                 " ORDER BY t.work_date, t.id",
                             params));
  std::vector<TimeRecord> out;
  for (const auto& r : rows) out.push_back(TimeFromRow(r));
  return out;
}

Result<TimeRecord> LoadTime(store::Connection& conn, const Scope& scope, int64_t id) {
  return TimeFromRow(TRY(LoadRow(conn, scope, kTimeList, kTimeColumns, id, "time")));
}

Result<std::pair<std::vector<TimeRecord>, KeyedRows>> AgencyService::ListTime(const auth::Principal& caller,
                                                                             const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListRecords<TimeRecord>(*conn, caller.ClientScope(), kTimeList, kTimeColumns, query, TimeFromRow);
}

Result<TimeRecord> AgencyService::GetTime(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadTime(*conn, caller.ClientScope(), id);
}

Result<TimeRecord> AgencyService::EnterTime(const auth::Principal& caller, const TimeInput& in,
                                            const std::string& request_id) {
  std::vector<FieldError> missing;
  if (!in.job_id) missing.push_back({"job_id", "time.job_required", "Which job was the work for?"});
  if (!in.service || in.service->empty()) missing.push_back({"service", "time.service_required", "Name the service."});
  if (!in.work_date) missing.push_back({"work_date", "time.work_date_required", "When was the work done?"});
  if (!in.minutes) missing.push_back({"minutes", "time.minutes_required", "How many minutes?"});
  if (!missing.empty()) {
    std::string code = missing.front().code;
    return Error::Invalid(code, "The time entry has errors; see the fields.", std::move(missing));
  }
  const Settings settings = TRY(GetSettings());
  const TimePolicy policy = settings.Policy();
  const Instant now = Now();
  return db_.Transact<TimeRecord>([&](store::Connection& c) -> Result<TimeRecord> {
    const Job job = TRY(LoadJob(c, caller.ClientScope(), *in.job_id));
    TRY(CheckAcceptsTime(job.status));
    const int64_t user_id = in.user_id.value_or(caller.user_id);
    auto user = TRY(c.Query("SELECT name FROM users WHERE id = ?", {user_id}));
    if (user.empty()) {
      return Error::Invalid("agency.user_unknown", "No user " + std::to_string(user_id) + ".",
                            {{"user_id", "agency.user_unknown", "No such user."}});
    }
    TimeEntry entry{user.front().Text(0), job.number, *in.service, *in.work_date, *in.minutes,
                    in.billable.value_or(job.billable), now, TimeEntryState::kOpen};
    TRY(CheckNewEntry(entry, policy, PermissionsOf(caller, settings)));
    const bool late = IsLate(policy, entry.work_date, now);
    auto row = TRY(c.QueryOne(
        "INSERT INTO agency_time (client_id, job_id, user_id, service, work_date, minutes, billable, notes, entered_at, "
        "late, state, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 1, ?) RETURNING id",
        {job.client_id, job.id, user_id, entry.service, entry.work_date.ToString(), entry.minutes,
         int64_t{entry.billable ? 1 : 0}, in.notes.value_or(""), now.ToString(), int64_t{late ? 1 : 0},
         store::NowText()}));
    TimeRecord saved = TRY(LoadTime(c, std::nullopt, row.Int(0)));
    TRY(Audit(c, caller, request_id, late ? "create_late" : "create", nullptr, ToJson(saved), saved.id,
              saved.client_id));
    return saved;
  });
}

Result<TimeRecord> AgencyService::EditTime(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           const TimeInput& in, const std::string& request_id) {
  const Settings settings = TRY(GetSettings());
  const TimePolicy policy = settings.Policy();
  const Instant now = Now();
  return db_.Transact<TimeRecord>([&](store::Connection& c) -> Result<TimeRecord> {
    const TimeRecord before = TRY(LoadTime(c, caller.ClientScope(), id));
    TimeRecord after = before;
    if (in.service) after.entry.service = *in.service;
    if (in.work_date) after.entry.work_date = *in.work_date;
    if (in.minutes) after.entry.minutes = *in.minutes;
    if (in.billable) after.entry.billable = *in.billable;
    if (in.notes) after.notes = *in.notes;
    TRY(CheckEdit(before.entry, after.entry, now, policy, PermissionsOf(caller, settings)));
    // Moving the work date re-judges lateness against the original entry instant (never changes on edits).
    after.late = IsLate(policy, after.entry.work_date, before.entry.entered_at);
    const int64_t changed = TRY(c.Execute(
        "UPDATE agency_time SET service = ?, work_date = ?, minutes = ?, billable = ?, notes = ?, late = ?, "
        "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
        {after.entry.service, after.entry.work_date.ToString(), after.entry.minutes,
         int64_t{after.entry.billable ? 1 : 0}, after.notes, int64_t{after.late ? 1 : 0}, store::NowText(), id,
         expected_version}));
    if (changed == 0) return StaleVersion("time entry");
    TimeRecord saved = TRY(LoadTime(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, "update", ToJson(before), ToJson(saved), id, saved.client_id));
    return saved;
  });
}

Status AgencyService::DeleteTime(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                 const std::string& request_id) {
  const Settings settings = TRY(GetSettings());
  const TimePolicy policy = settings.Policy();
  const Instant now = Now();
  return db_.TransactStatus([&](store::Connection& c) -> Status {
    const TimeRecord before = TRY(LoadTime(c, caller.ClientScope(), id));
    TRY(CheckEdit(before.entry, before.entry, now, policy, PermissionsOf(caller, settings)));
    const int64_t changed =
        TRY(c.Execute("DELETE FROM agency_time WHERE id = ? AND version = ?", {id, expected_version}));
    if (changed == 0) return StaleVersion("time entry");
    return Audit(c, caller, request_id, "delete", ToJson(before), nullptr, id, before.client_id);
  });
}

Result<TimeRecord> AgencyService::AdvanceTime(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                              TimeEntryState to, const std::string& request_id) {
  return db_.Transact<TimeRecord>([&](store::Connection& c) -> Result<TimeRecord> {
    const TimeRecord before = TRY(LoadTime(c, caller.ClientScope(), id));
    const TimeEntryState from = before.entry.state;
    const bool allowed = (to == TimeEntryState::kSubmitted && from == TimeEntryState::kOpen) ||
                         (to == TimeEntryState::kApproved &&
                          (from == TimeEntryState::kOpen || from == TimeEntryState::kSubmitted));
    if (!allowed) {
      return ConflictAt(IsFrozen(from) ? "time.frozen" : "time.invalid_transition", "state",
                        std::string("A ") + StateName(from) + " entry cannot become " + StateName(to) + ".");
    }
    const int64_t changed =
        TRY(c.Execute("UPDATE agency_time SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                      {StateName(to), store::NowText(), id, expected_version}));
    if (changed == 0) return StaleVersion("time entry");
    TimeRecord saved = TRY(LoadTime(c, std::nullopt, id));
    TRY(Audit(c, caller, request_id, StateName(to), ToJson(before), ToJson(saved), id, saved.client_id));
    return saved;
  });
}

nlohmann::json ToJson(const TimeRecord& t) {
  return {{"id", t.id},
          {"client_id", t.client_id},
          {"job_id", t.job_id},
          {"job_number", t.entry.job_number},
          {"user_id", t.user_id},
          {"person", t.entry.person},
          {"service", t.entry.service},
          {"work_date", t.entry.work_date.ToString()},
          {"minutes", t.entry.minutes},
          {"billable", t.entry.billable},
          {"notes", t.notes},
          {"entered_at", t.entry.entered_at.ToString()},
          {"late", t.late},
          {"state", StateName(t.entry.state)},
          {"frozen", IsFrozen(t.entry.state)},
          {"invoice_id", t.invoice_id ? nlohmann::json(*t.invoice_id) : nlohmann::json()},
          {"version", t.version}};
}

}  // namespace concord::agency
