#include "wfm/service.h"

#include <charconv>
#include <map>
#include <set>

#include "crypto/crypto.h"
#include "io/csv.h"
#include "store/time.h"
#include "wfm/shifts.h"

namespace concord::wfm {
namespace {

constexpr const char* kImportJob = "wfm.import_call_detail";

Error Invalid(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

nlohmann::json AuditJson(const Queue& q) {
  nlohmann::json j = ToJson(q);
  for (const char* k : {"version", "created_at", "updated_at", "contacts"}) j.erase(k);
  return j;
}

// "HH:MM" → minutes after midnight, or nullopt.

// Problems with one schedule entry for a queue, each prefixed by `where(field)`.
void CheckEntry(const ScheduleEntry& e, const Queue& q, const std::function<std::string(const std::string&)>& where,
                std::vector<FieldError>& errors) {
  if (!Date::Parse(e.day)) errors.push_back({where("date"), "date.invalid", "\"" + e.day + "\" is not a YYYY-MM-DD date."});
  if (e.start_min < 0 || e.start_min >= 1440 || e.start_min % q.interval_min != 0) {
    errors.push_back({where("start"), "wfm.start_invalid",
                      "Start on a " + std::to_string(q.interval_min) + "-minute boundary of queue " + q.key + "."});
  }
  if (e.scheduled < 0 || e.scheduled > 100000) {
    errors.push_back({where("scheduled"), "wfm.scheduled_invalid", "Scheduled staff is a whole number from 0."});
  }
}

}  // namespace

nlohmann::json ImportReport::ToJson() const {
  return {{"rows", rows},       {"created", created},           {"updated", updated},
          {"unchanged", unchanged}, {"queues_created", queues_created}, {"dry_run", dry_run}};
}

Result<Page<Queue>> WfmService::ListQueues(const ListArgs& args) {
  auto conn = TRY(db_.Acquire());
  return wfm::ListQueues(*conn, args);
}

Result<Queue> WfmService::GetQueue(int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadQueue(*conn, id);
}

Result<Queue> WfmService::CreateQueue(const auth::Principal& caller, const QueueInput& input,
                                      const std::string& request_id) {
  Queue queue;
  Apply(input, queue);
  if (!input.name) queue.name = queue.key;
  if (auto errors = ValidateQueue(queue); !errors.empty()) return Invalid(std::move(errors), "The queue");
  return db_.Transact<Queue>([&](store::Connection& c) -> Result<Queue> {
    if (TRY(FindQueueByKey(c, queue.key))) {
      return Error::Invalid("wfm.key_taken", "A queue with this key exists.",
                            {{"key", "wfm.key_taken", "Queue " + queue.key + " exists."}});
    }
    queue.created_at = queue.updated_at = store::NowText();
    const int64_t id = TRY(InsertQueue(c, queue));
    Queue saved = TRY(LoadQueue(c, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"wfm_queue", std::to_string(id), std::nullopt, "create", nullptr, AuditJson(saved)}));
    return saved;
  });
}

Result<Queue> WfmService::UpdateQueue(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                      const QueueInput& input, const std::string& request_id) {
  if (input.key) {
    return Invalid({{"key", "wfm.key_fixed", "A queue's key joins it to other modules and cannot change."}},
                   "The queue");
  }
  return db_.Transact<Queue>([&](store::Connection& c) -> Result<Queue> {
    const Queue before = TRY(LoadQueue(c, id));
    Queue after = before;
    Apply(input, after);
    if (auto errors = ValidateQueue(after); !errors.empty()) return Invalid(std::move(errors), "The queue");
    after.updated_at = store::NowText();
    TRY(wfm::UpdateQueue(c, after, expected_version));
    Queue saved = TRY(LoadQueue(c, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"wfm_queue", std::to_string(id), std::nullopt, "update", AuditJson(before), AuditJson(saved)}));
    return saved;
  });
}

Result<Page<StoredContact>> WfmService::ListContacts(const ListArgs& args) {
  auto conn = TRY(db_.Acquire());
  return wfm::ListContacts(*conn, args);
}

Result<ImportReport> WfmService::ImportCallDetail(const audit::Actor& actor, const std::string& csv,
                                                  const std::string& file_name, bool dry_run,
                                                  jobs::Progress* progress) {
  const std::vector<CallDetail> calls = TRY(ParseCallDetail(csv, file_name));
  return ImportCalls(actor, calls, {{"file_name", file_name}, {"sha256", crypto::Sha256Hex(csv)}}, dry_run, progress);
}

Result<ImportReport> WfmService::ImportCalls(const audit::Actor& actor, const std::vector<CallDetail>& calls,
                                             const nlohmann::json& source, bool dry_run, jobs::Progress* progress) {
  std::map<std::string, std::vector<CallDetail>> by_queue;
  for (const auto& call : calls) by_queue[call.queue].push_back(call);
  const auto total = static_cast<int64_t>(calls.size());
  if (progress) progress->Update(0, total, "Checked " + std::to_string(total) + " calls; saving");
  int64_t saved = 0;
  ImportReport report;
  report.rows = total;
  report.dry_run = dry_run;
  Status status = db_.TransactStatus([&](store::Connection& c) -> Status {
    report = ImportReport{total, 0, 0, 0, 0, dry_run};
    for (const auto& [key, queue_calls] : by_queue) {
      auto queue = TRY(FindQueueByKey(c, key));
      if (!queue) {
        ++report.queues_created;
        if (dry_run) {
          report.created += static_cast<int64_t>(queue_calls.size());
          continue;
        }
        Queue fresh;
        fresh.key = fresh.name = key;
        fresh.created_at = fresh.updated_at = store::NowText();
        const int64_t id = TRY(InsertQueue(c, fresh));
        queue = TRY(LoadQueue(c, id));
        TRY(audit::Append(c, actor, {"wfm_queue", std::to_string(id), std::nullopt, "import_create", nullptr,
                                     AuditJson(*queue)}));
      }
      if (dry_run) continue;  // counts of existing queues are only known by writing
      constexpr size_t kChunk = 2000;
      for (size_t start = 0; start < queue_calls.size(); start += kChunk) {
        const std::vector<CallDetail> chunk(queue_calls.begin() + static_cast<std::ptrdiff_t>(start),
                                            queue_calls.begin() + static_cast<std::ptrdiff_t>(
                                                                      std::min(queue_calls.size(), start + kChunk)));
        const UpsertCounts counts = TRY(UpsertContacts(c, queue->id, chunk));
        report.created += counts.created;
        report.updated += counts.updated;
        saved += static_cast<int64_t>(chunk.size());
        // Progress is written on another connection: PostgreSQL takes it beside this transaction, SQLite
        // (one writer at a time) would wait for it to end, so there it is reported only around it.
        if (progress && c.is_postgres()) progress->Update(saved, total, "Saved " + std::to_string(saved) + " calls");
      }
    }
    report.unchanged = dry_run ? 0 : total - report.created - report.updated;
    if (dry_run) return {};
    nlohmann::json after = report.ToJson();
    after.update(source);
    const std::string id = source.value("sha256", source.value("file_name", std::string("calls"))).substr(0, 16);
    return audit::Append(c, actor, {"wfm_import", id, std::nullopt, "import", nullptr, after});
  });
  if (!status.ok()) return std::move(status).error();
  if (progress) progress->Update(total, total, "Imported " + std::to_string(total) + " calls");
  return report;
}

Result<jobs::Job> WfmService::StartImport(const auth::Principal& caller, const std::string& csv,
                                          const std::string& file_name, const std::string& request_id) {
  TRY(ParseCallDetail(csv, file_name));  // errors now, naming line and column, not later in a job
  return db_.Transact<jobs::Job>([&](store::Connection& c) -> Result<jobs::Job> {
    const int64_t file_id = TRY(jobs::SaveFile(c, {0, file_name, io::kCsvType, csv, caller.user_id, std::nullopt}));
    const nlohmann::json payload = {{"file_id", file_id}, {"file_name", file_name}, {"actor", caller.name}};
    const int64_t id = TRY(jobs::Enqueue(c, {kImportJob, payload, caller.user_id, std::nullopt, 1}));
    TRY(audit::Append(c, caller.Actor(request_id), {"job", std::to_string(id), std::nullopt, "enqueue", nullptr, payload}));
    return jobs::Get(c, id);
  });
}

Result<std::vector<ScheduleEntry>> WfmService::Schedule(int64_t queue_id, const std::string& from,
                                                        const std::string& to) {
  auto conn = TRY(db_.Acquire());
  const Queue queue = TRY(LoadQueue(*conn, queue_id));
  const auto day_before = Date::Parse(from);  // an overnight shift from the day before reaches into `from`
  const auto shifts = TRY(LoadShifts(*conn, queue_id, day_before.ok() ? day_before->AddDays(-1).ToString() : from, to));
  std::vector<ScheduleEntry> rostered;
  for (auto& e : ScheduledFromShifts(shifts, queue.interval_min))
    if (e.day >= from && e.day <= to) rostered.push_back(std::move(e));
  return MergeSchedules(TRY(LoadSchedule(*conn, queue_id, from, to)), rostered);
}

Result<std::vector<Shift>> WfmService::Shifts(int64_t queue_id, const std::string& from, const std::string& to) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadQueue(*conn, queue_id));
  return LoadShifts(*conn, queue_id, from, to);
}

Result<int64_t> WfmService::SetSchedule(const auth::Principal& caller, int64_t queue_id,
                                        const std::vector<ScheduleEntry>& entries, const std::string& request_id) {
  return db_.Transact<int64_t>([&](store::Connection& c) -> Result<int64_t> {
    const Queue queue = TRY(LoadQueue(c, queue_id));
    std::vector<FieldError> errors;
    for (size_t i = 0; i < entries.size(); ++i) {
      CheckEntry(entries[i], queue, [&](const std::string& f) { return "entries/" + std::to_string(i) + "/" + f; },
                 errors);
    }
    if (!errors.empty()) return Invalid(std::move(errors), "The schedule");
    const int64_t changed = TRY(UpsertSchedule(c, queue_id, entries));
    nlohmann::json after = {{"entries", entries.size()}, {"changed", changed}};
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"wfm_schedule", std::to_string(queue_id), std::nullopt, "set", nullptr, after}));
    return changed;
  });
}

Result<ImportReport> WfmService::ImportSchedule(const auth::Principal& caller, const std::string& csv,
                                                const std::string& file_name, const std::string& request_id) {
  const auto records = TRY(io::ParseCsv(csv, file_name));
  if (records.empty()) {
    return Error::Invalid("import.empty", file_name + " has no header row.",
                          {{file_name + ", line 1", "import.empty", "The file is empty."}});
  }
  const std::vector<std::string> kColumns = {"queue", "date", "start", "scheduled"};
  const CsvColumns column = TRY(ReadCsvHeader(records[0].fields, file_name, kColumns, kColumns));
  std::vector<FieldError> errors;

  return db_.Transact<ImportReport>([&](store::Connection& c) -> Result<ImportReport> {
    std::map<std::string, std::optional<Queue>> queues;
    std::map<int64_t, std::vector<ScheduleEntry>> by_queue;
    std::set<std::tuple<int64_t, std::string, int>> seen;
    for (size_t r = 1; r < records.size(); ++r) {
      const auto& rec = records[r];
      auto where = [&](const std::string& name) { return CellPlace(file_name, rec.line, column, name); };
      if (rec.fields.size() != records[0].fields.size()) {
        errors.push_back({file_name + ", line " + std::to_string(rec.line), "import.field_count",
                          "Expected " + std::to_string(records[0].fields.size()) + " fields."});
        continue;
      }
      auto get = [&](const std::string& name) { return rec.fields[column.at(name)]; };
      const std::string key = get("queue");
      if (!queues.count(key)) queues[key] = TRY(FindQueueByKey(c, key));
      if (!queues[key]) {
        errors.push_back({where("queue"), "wfm.queue_unknown", "No queue has the key \"" + key + "\"."});
        continue;
      }
      ScheduleEntry e{get("date"), -1, -1};
      if (auto start = ParseClock(get("start"))) e.start_min = *start;
      const std::string scheduled = get("scheduled");
      int value = -1;
      if (std::from_chars(scheduled.data(), scheduled.data() + scheduled.size(), value).ec == std::errc()) {
        e.scheduled = value;
      }
      const size_t before = errors.size();
      CheckEntry(e, *queues[key], where, errors);
      if (errors.size() == before && !seen.emplace(queues[key]->id, e.day, e.start_min).second) {
        errors.push_back({where("start"), "import.duplicate_interval", "This interval appears twice."});
      }
      by_queue[queues[key]->id].push_back(e);
    }
    if (!errors.empty()) {
      return Error::Invalid("import.invalid",
                            file_name + " has " + std::to_string(errors.size()) + " error(s); nothing was imported.",
                            std::move(errors));
    }
    ImportReport report;
    report.rows = static_cast<int64_t>(records.size() - 1);
    for (const auto& [queue_id, entries] : by_queue) report.updated += TRY(UpsertSchedule(c, queue_id, entries));
    report.unchanged = report.rows - report.updated;
    nlohmann::json after = report.ToJson();
    after["file_name"] = file_name;
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"wfm_schedule", "import", std::nullopt, "import", nullptr, after}));
    return report;
  });
}

}  // namespace concord::wfm
