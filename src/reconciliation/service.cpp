#include "reconciliation/service.h"

#include "crypto/crypto.h"
#include "io/xlsx_reader.h"
#include "jobs/schedules.h"
#include "store/time.h"

namespace concord::reconciliation {
namespace {

Error Invalid(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

nlohmann::json SpecAudit(const SpecRecord& s) {
  nlohmann::json j = ToJson(s);
  j.erase("version");
  j.erase("created_at");
  j.erase("updated_at");
  return j;
}

std::string ScheduleName(int64_t spec_id) { return "reconciliation.spec." + std::to_string(spec_id); }

}  // namespace

// --- specs ---

Result<Page<SpecRecord>> ReconciliationService::ListSpecs(const auth::Principal& caller, const SpecQuery& query) {
  auto conn = TRY(db_.Acquire());
  return reconciliation::ListSpecs(*conn, caller.ClientScope(), query);
}

Result<SpecRecord> ReconciliationService::GetSpec(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadSpec(*conn, caller.ClientScope(), id);
}

Result<SpecRecord> ReconciliationService::CreateSpec(const auth::Principal& caller, const SpecInput& input,
                                                     const std::string& request_id) {
  auto errors = ValidateSpecInput(input, true);
  if (input.client_id && !caller.CanSeeClient(*input.client_id)) {
    errors.push_back({"client_id", "spec.client_unknown", "No client has this id."});
  }
  if (!errors.empty()) return Invalid(std::move(errors), "The spec");
  return db_.Transact<SpecRecord>([&](store::Connection& c) -> Result<SpecRecord> {
    SpecRecord spec;
    spec.name = *input.name;
    spec.toml = *input.toml;
    spec.client_id = input.client_id;
    spec.created_by = caller.user_id;
    const int64_t id = TRY(InsertSpec(c, spec));
    SpecRecord saved = TRY(LoadSpec(c, std::nullopt, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"recon_spec", std::to_string(id), saved.client_id, "create", nullptr, SpecAudit(saved)}));
    return saved;
  });
}

Result<SpecRecord> ReconciliationService::UpdateSpec(const auth::Principal& caller, int64_t id,
                                                     int64_t expected_version, const SpecInput& input,
                                                     const std::string& request_id) {
  auto errors = ValidateSpecInput(input, false);
  if (input.client_id) errors.push_back({"client_id", "spec.client_fixed", "A spec's client cannot change."});
  if (!errors.empty()) return Invalid(std::move(errors), "The spec");
  return db_.Transact<SpecRecord>([&](store::Connection& c) -> Result<SpecRecord> {
    const SpecRecord before = TRY(LoadSpec(c, caller.ClientScope(), id));
    SpecRecord after = before;
    if (input.name) after.name = *input.name;
    if (input.toml) after.toml = *input.toml;
    TRY(reconciliation::UpdateSpec(c, after, expected_version));
    SpecRecord saved = TRY(LoadSpec(c, std::nullopt, id));
    TRY(audit::Append(
        c, caller.Actor(request_id),
        {"recon_spec", std::to_string(id), saved.client_id, "update", SpecAudit(before), SpecAudit(saved)}));
    return saved;
  });
}

Result<SpecRecord> ReconciliationService::ScheduleSpec(const auth::Principal& caller, int64_t id,
                                                       int64_t expected_version, const ScheduleInput& input,
                                                       const std::string& request_id, std::chrono::sys_seconds now) {
  std::vector<FieldError> errors;
  for (const auto& [field, path] :
       {std::pair{"left_path", &input.left_path}, std::pair{"right_path", &input.right_path}}) {
    // Relative paths would depend on each instance's working directory.
    if (path->empty() || path->front() != '/') errors.push_back({field, "schedule.path", "Give an absolute path."});
  }
  if (!errors.empty()) return Invalid(std::move(errors), "The schedule");
  return db_.Transact<SpecRecord>([&](store::Connection& c) -> Result<SpecRecord> {
    const SpecRecord before = TRY(LoadSpec(c, caller.ClientScope(), id));
    SpecRecord after = before;
    after.schedule_cron = input.cron;
    after.left_path = input.left_path;
    after.right_path = input.right_path;
    TRY(reconciliation::UpdateSpec(c, after, expected_version));
    // The job reads the paths from the spec when it fires, so the payload only names the spec.
    auto put = jobs::PutSchedule(c, ScheduleName(id), input.cron, kRunJob, {{"spec_id", id}}, now);
    if (!put.ok()) {
      return Invalid({{"cron", put.error().code, put.error().message}}, "The schedule");
    }
    SpecRecord saved = TRY(LoadSpec(c, std::nullopt, id));
    TRY(audit::Append(
        c, caller.Actor(request_id),
        {"recon_spec", std::to_string(id), saved.client_id, "schedule", SpecAudit(before), SpecAudit(saved)}));
    return saved;
  });
}

Result<SpecRecord> ReconciliationService::UnscheduleSpec(const auth::Principal& caller, int64_t id,
                                                         int64_t expected_version, const std::string& request_id) {
  return db_.Transact<SpecRecord>([&](store::Connection& c) -> Result<SpecRecord> {
    const SpecRecord before = TRY(LoadSpec(c, caller.ClientScope(), id));
    SpecRecord after = before;
    after.schedule_cron.clear();
    after.left_path.clear();
    after.right_path.clear();
    TRY(reconciliation::UpdateSpec(c, after, expected_version));
    TRY(jobs::RemoveSchedule(c, ScheduleName(id)));
    SpecRecord saved = TRY(LoadSpec(c, std::nullopt, id));
    TRY(audit::Append(
        c, caller.Actor(request_id),
        {"recon_spec", std::to_string(id), saved.client_id, "unschedule", SpecAudit(before), SpecAudit(saved)}));
    return saved;
  });
}

// --- files and runs ---

Result<UploadedFile> ReconciliationService::Upload(const auth::Principal& caller, const std::string& name,
                                                   std::string bytes, std::optional<int64_t> client_id,
                                                   const std::string& request_id) {
  if (bytes.empty()) {
    return Invalid({{"body", "file.empty", "The file is empty."}}, "The upload");
  }
  if (client_id && !caller.CanSeeClient(*client_id)) {
    return Invalid({{"client_id", "spec.client_unknown", "No client has this id."}}, "The upload");
  }
  // A client user's upload belongs to their client even when they do not say so.
  if (!client_id && caller.role == auth::Role::kClientUser && caller.client_ids.size() == 1) {
    client_id = caller.client_ids.front();
  }
  UploadedFile out{0, name, static_cast<int64_t>(bytes.size()), crypto::Sha256Hex(bytes)};
  // A workbook side (zip signature or .xlsx) is stored as the engine's CSV input: its first sheet, line N
  // = row N (io::XlsxToCsv). The answer's size and SHA-256 stay those of the uploaded workbook.
  const bool workbook = io::LooksLikeZip(bytes) || name.ends_with(".xlsx");
  if (workbook) bytes = TRY(io::XlsxToCsv(bytes, name));
  return db_.Transact<UploadedFile>([&](store::Connection& c) -> Result<UploadedFile> {
    const bool jsonl = !workbook && (name.ends_with(".jsonl") || name.ends_with(".ndjson"));
    out.id =
        TRY(jobs::SaveFile(c, {0, name, jsonl ? "application/jsonl" : "text/csv", bytes, caller.user_id, client_id}));
    TRY(audit::Append(
        c, caller.Actor(request_id),
        {"file",
         std::to_string(out.id),
         client_id,
         "upload",
         nullptr,
         {{"name", out.name}, {"size", out.size}, {"sha256", out.sha256}, {"purpose", "reconciliation"},
          {"stored_as", workbook ? "csv from the first sheet" : "as uploaded"}}}));
    return out;
  });
}

void ReconciliationService::RegisterSource(const std::string& name, const std::string& description, Source source) {
  sources_[name] = {description, std::move(source)};
}

std::vector<std::pair<std::string, std::string>> ReconciliationService::Sources() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, source] : sources_) out.emplace_back(name, source.description);
  return out;
}

Result<UploadedFile> ReconciliationService::SnapshotSource(const auth::Principal& caller, const std::string& name,
                                                           const std::string& request_id) {
  auto it = sources_.find(name);
  if (it == sources_.end()) return Error::NotFound("source.not_found", "No data source named " + name + ".");
  const io::Table table = TRY(it->second.render(caller));
  if (table.rows.empty()) return Invalid({{"source", "source.empty", "The source has no rows you can see."}}, "The source");
  return Upload(caller, name + ".csv", io::ToPlainCsv(table), std::nullopt, request_id);
}

Result<Run> ReconciliationService::StartRun(const auth::Principal& caller, int64_t spec_id, int64_t left_file_id,
                                            int64_t right_file_id, const std::string& request_id) {
  return db_.Transact<Run>([&](store::Connection& c) -> Result<Run> {
    const SpecRecord spec = TRY(LoadSpec(c, caller.ClientScope(), spec_id));
    Run run;
    std::vector<FieldError> errors;
    for (auto [field, file_id, input] : {std::tuple{"left_file_id", left_file_id, &run.left},
                                         std::tuple{"right_file_id", right_file_id, &run.right}}) {
      // Only the uploader's own files: the files table also holds other people's exports.
      auto file = jobs::LoadFile(c, file_id);
      if (!file.ok() || file->created_by != caller.user_id) {
        errors.push_back({field, "file.not_found", "No file " + std::to_string(file_id) + " uploaded by you."});
        continue;
      }
      *input = {file_id, file->name, crypto::Sha256Hex(file->content)};
    }
    if (!errors.empty()) return Invalid(std::move(errors), "The run");
    run.spec_id = spec.id;
    run.spec_version = spec.version;
    run.spec_name = spec.name;
    run.spec_toml = spec.toml;
    run.client_id = spec.client_id;
    run.created_by = caller.user_id;
    run.id = TRY(InsertRun(c, run));
    // One attempt: a run that fails on its inputs fails the same way again; the person starts another.
    const int64_t job_id = TRY(jobs::Enqueue(c, {kRunJob, {{"run_id", run.id}}, caller.user_id, spec.client_id, 1}));
    TRY(SetRunJob(c, run.id, job_id));
    Run saved = TRY(LoadRun(c, std::nullopt, run.id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"recon_run", std::to_string(run.id), run.client_id, "start", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<Page<Run>> ReconciliationService::ListRuns(const auth::Principal& caller, const RunQuery& query) {
  auto conn = TRY(db_.Acquire());
  return reconciliation::ListRuns(*conn, caller.ClientScope(), query);
}

Result<Run> ReconciliationService::GetRun(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadRun(*conn, caller.ClientScope(), id);
}

// --- items ---

Result<Page<Item>> ReconciliationService::ListItems(const auth::Principal& caller, const ItemQuery& query) {
  auto conn = TRY(db_.Acquire());
  return reconciliation::ListItems(*conn, caller.ClientScope(), query);
}

Result<Item> ReconciliationService::GetItem(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  Item item = TRY(LoadItem(*conn, caller.ClientScope(), id));
  item.run_ids = TRY(ItemRunIds(*conn, id));
  return item;
}

Result<Item> ReconciliationService::ChangeItem(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                               const std::string& action, const std::string& request_id,
                                               const std::function<Status(store::Connection&, Item&)>& change) {
  return db_.Transact<Item>([&](store::Connection& c) -> Result<Item> {
    const Item before = TRY(LoadItem(c, caller.ClientScope(), id));
    // The version is checked first, so a person acting on a stale screen hears 412, not a rule error.
    if (before.version != expected_version) {
      return Error{ErrorKind::kPreconditionFailed,
                   "item.stale",
                   "Someone else saved this item since you opened it. Reload to see their changes.",
                   {}};
    }
    Item after = before;
    TRY(change(c, after));
    TRY(UpdateItem(c, after, expected_version));
    Item saved = TRY(LoadItem(c, std::nullopt, id));
    saved.run_ids = TRY(ItemRunIds(c, id));
    TRY(audit::Append(
        c, caller.Actor(request_id),
        {"recon_item", std::to_string(id), saved.client_id, action, AuditJson(before), AuditJson(saved)}));
    return saved;
  });
}

Result<Item> ReconciliationService::Assign(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           std::optional<int64_t> assignee_id, const std::string& request_id) {
  return ChangeItem(
      caller, id, expected_version, "assign", request_id, [&](store::Connection& c, Item& item) -> Status {
        TRY(CheckAssign(item));
        if (assignee_id) {
          // Work goes to staff: a client user or a worker cannot be handed an item.
          auto rows = TRY(c.Query("SELECT role FROM users WHERE id = ? AND disabled = 0", {*assignee_id}));
          const auto role = rows.empty() ? std::nullopt : auth::ParseRole(rows.front().Text(0));
          if (!role ||
              (*role != auth::Role::kAdmin && *role != auth::Role::kManager && *role != auth::Role::kCoordinator)) {
            return Invalid({{"assignee_id", "item.assignee_unknown", "No staff user has this id."}}, "The assignment");
          }
        }
        item.assignee_id = assignee_id;
        return {};
      });
}

Result<Item> ReconciliationService::Resolve(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                            const std::string& note, const std::string& correction,
                                            const std::string& request_id) {
  return ChangeItem(caller, id, expected_version, "resolve", request_id, [&](store::Connection&, Item& item) -> Status {
    TRY(CheckResolve(item, note, correction));
    item.status = "resolved";
    item.resolution_note = note;
    item.correction = correction;
    item.resolved_by = caller.user_id;
    item.resolved_at = store::NowText();
    return {};
  });
}

Result<Item> ReconciliationService::Reopen(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           const std::string& request_id) {
  return ChangeItem(caller, id, expected_version, "reopen", request_id, [&](store::Connection&, Item& item) -> Status {
    TRY(CheckReopen(item));
    item.status = "open";
    item.resolution_note.clear();
    return {};
  });
}

Result<Item> ReconciliationService::Accept(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           const std::string& note, const std::string& request_id) {
  return ChangeItem(caller, id, expected_version, "accept", request_id, [&](store::Connection&, Item& item) -> Status {
    TRY(CheckAccept(item, note));
    item.status = "accepted";
    item.resolution_note = note;
    return {};
  });
}

}  // namespace concord::reconciliation
