// PSRs: personnel service requests from VMS work orders or client systems (WorkforceService).
#include <algorithm>

#include "audit/audit.h"
#include "crypto/crypto.h"
#include "workforce/service.h"
#include "workforce/vms_mapping.h"

namespace concord::workforce {
namespace {

// What every assignment needs before it can be requested (the assignment record's required members and
// what onboarding needs: the worker's type and, in the US, the work state for withholding and final pay).
const std::vector<std::string> kAlwaysRequired = {"worker_first_name", "worker_last_name", "worker_email",
                                                  "worker_type", "title", "manager_name", "start_date",
                                                  "pay_rate", "bill_rate"};

bool Blank(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it == record.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty());
}

// The PSR fields an import or an edit may write (the spec's members except the programme).
const std::vector<std::string>& PsrFields() {
  static const std::vector<std::string> fields = [] {
    std::vector<std::string> out;
    for (const auto& f : PsrInput()) {
      if (f.name != "programme_id") out.push_back(f.name);
    }
    return out;
  }();
  return fields;
}

}  // namespace

std::vector<std::string> MissingPsrDetails(const json& psr, const json& programme) {
  std::vector<std::string> missing;
  auto need = [&](const std::string& field) {
    if (Blank(psr, field) && std::find(missing.begin(), missing.end(), field) == missing.end()) {
      missing.push_back(field);
    }
  };
  for (const auto& field : kAlwaysRequired) need(field);
  if (psr.value("work_country", "US") == "US" || Blank(psr, "work_country")) need("work_state");
  if (programme.contains("required_psr_fields") && programme["required_psr_fields"].is_array()) {
    for (const auto& field : programme["required_psr_fields"]) {
      if (field.is_string()) need(field.get<std::string>());
    }
  }
  return missing;
}

Result<json> WorkforceService::SavePsr(store::Connection& c, const auth::Principal& caller, const json& programme,
                                       const json& before, json psr, const std::string& request_id) {
  const auto missing = MissingPsrDetails(psr, programme);
  psr["missing"] = missing;
  if (psr.value("status", "") != "converted" && psr.value("status", "") != "cancelled") {
    psr["status"] = missing.empty() ? "waiting" : "needs_details";
  }
  json saved = before.is_null() ? TRY(Insert(c, PsrTable(), caller, psr, request_id))
                                : TRY(Save(c, PsrTable(), caller, before, psr, before["version"].get<int64_t>(),
                                           "update", request_id));
  // The PSR's task: open while details are missing, done once they are all there.
  const int64_t psr_id = saved["id"].get<int64_t>();
  auto open = TRY(c.Query("SELECT id FROM wf_tasks WHERE entity = 'psr' AND entity_id = ? AND status = 'open'",
                          {psr_id}));
  std::string detail;
  for (const auto& m : missing) detail += (detail.empty() ? "" : ", ") + m;
  if (!missing.empty() && open.empty()) {
    const std::string msp = programme.value("msp", json("")).is_string() ? programme.value("msp", "") : "";
    json task = {{"client_id", saved["client_id"]},
                 {"entity", "psr"},
                 {"entity_id", psr_id},
                 {"title", "Details missing for PSR " + saved.value("vms_work_order_id", json("#" + std::to_string(psr_id)))
                                                              .get<std::string>()},
                 {"detail", "Ask " + (msp.empty() ? std::string("the client") : msp) + " for: " + detail},
                 {"owner", msp.empty() ? "client" : "msp"},
                 {"status", "open"}};
    TRY(Insert(c, TaskTable(), caller, task, request_id));
  } else if (!open.empty()) {
    const json task_before = TRY(LoadRecord(c, TaskTable(), SystemPrincipal(), open.front().Int(0)));
    json task_after = task_before;
    if (missing.empty()) {
      task_after["status"] = "done";
    } else {
      task_after["detail"] = task_before["detail"].get<std::string>().substr(
                                 0, task_before["detail"].get<std::string>().find(": ") + 2) + detail;
    }
    if (task_after != task_before) {
      TRY(Save(c, TaskTable(), caller, task_before, task_after, task_before["version"].get<int64_t>(),
               missing.empty() ? "complete" : "update", request_id));
    }
  }
  return saved;
}

Result<json> WorkforceService::CreatePsr(const auth::Principal& caller, const json& input,
                                         const std::string& request_id) {
  if (auto errors = ValidateInput(PsrInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The PSR");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, input["programme_id"].get<int64_t>()));
    json psr = {{"client_id", programme["client_id"]}, {"source", "entered"}, {"currency", "USD"},
                {"work_country", "US"}};
    ApplyInput(PsrInput(), input, psr);
    return SavePsr(c, caller, programme, nullptr, psr, request_id);
  });
}

Result<json> WorkforceService::UpdatePsr(const auth::Principal& caller, int64_t id, int64_t version,
                                         const json& input, const std::string& request_id) {
  if (auto errors = ValidateInput(PsrInput(), input, false); !errors.empty()) {
    return InvalidInput(std::move(errors), "The PSR");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, PsrTable(), caller, id));
    if (before["version"].get<int64_t>() != version) {
      return Error{ErrorKind::kPreconditionFailed, "psr.stale", "Someone else saved this PSR. Reload.", {}};
    }
    if (before["status"] == "converted") return Error::Conflict("psr.converted", "This PSR is already an assignment.");
    if (input.contains("programme_id") && input["programme_id"] != before["programme_id"]) {
      return InvalidInput({{"programme_id", "psr.programme_fixed", "A PSR stays with its programme."}}, "The PSR");
    }
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), SystemPrincipal(), before["programme_id"].get<int64_t>()));
    json after = before;
    ApplyInput(PsrInput(), input, after);
    return SavePsr(c, caller, programme, before, after, request_id);
  });
}

Result<PsrImportReport> WorkforceService::ImportPsrs(const auth::Principal& caller, int64_t programme_id,
                                                     const std::string& csv, const std::string& file_name,
                                                     bool dry_run, const std::string& request_id) {
  PsrImportReport report;
  report.dry_run = dry_run;
  const std::string sha = crypto::Sha256Hex(csv);
  auto outcome = db_.TransactStatus([&](store::Connection& c) -> Status {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    const auto mapping = VmsFieldMapping(programme["vms"].get<std::string>(), programme["field_mapping"]);
    const auto rows = TRY(ParseVmsExport(csv, file_name, mapping));
    for (const auto& row : rows) {
      const std::string work_order = row.psr["vms_work_order_id"].get<std::string>();
      auto existing = TRY(c.Query("SELECT id FROM wf_psrs WHERE programme_id = ? AND vms_work_order_id = ?",
                                  {programme_id, work_order}));
      json before = nullptr;
      json psr = {{"client_id", programme["client_id"]}, {"programme_id", programme_id}, {"source", "vms_import"},
                  {"currency", "USD"}, {"work_country", "US"}};
      if (!existing.empty()) {
        before = TRY(LoadRecord(c, PsrTable(), SystemPrincipal(), existing.front().Int(0)));
        psr = before;
      }
      for (const auto& field : PsrFields()) {
        if (row.psr.contains(field)) psr[field] = row.psr[field];
      }
      if (!before.is_null()) {
        bool changed = false;
        for (const auto& field : PsrFields()) changed = changed || psr[field] != before[field];
        if (!changed || before["status"] == "converted" || before["status"] == "cancelled") {
          ++report.unchanged;
          continue;
        }
      }
      psr["import_sha256"] = sha;
      const json saved = TRY(SavePsr(c, caller, programme, before, psr, request_id));
      ++(before.is_null() ? report.created : report.updated);
      if (saved["status"] == "needs_details") ++report.needs_details;
    }
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(), "import_psrs",
                       nullptr,
                       {{"file_name", file_name}, {"sha256", sha}, {"created", report.created},
                        {"updated", report.updated}, {"unchanged", report.unchanged}}}));
    if (dry_run) return Error::Conflict("psr_import.dry_run", "dry run: rolled back");
    return {};
  });
  if (!outcome.ok() && !(dry_run && outcome.error().code == "psr_import.dry_run")) return std::move(outcome).error();
  return report;
}

Result<json> WorkforceService::ConvertPsr(const auth::Principal& caller, int64_t id, int64_t version,
                                          const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, PsrTable(), caller, id));
    if (before["version"].get<int64_t>() != version) {
      return Error{ErrorKind::kPreconditionFailed, "psr.stale", "Someone else saved this PSR. Reload.", {}};
    }
    if (before["status"] != "waiting") {
      std::vector<FieldError> fields;
      for (const auto& m : before["missing"]) fields.push_back({m.get<std::string>(), "psr.detail_missing", "Missing."});
      return Error{ErrorKind::kConflict, "psr.not_ready",
                   before["status"] == "converted" ? "This PSR is already an assignment."
                                                   : "This PSR still lacks details; see the fields.",
                   std::move(fields)};
    }
    // The worker: the same email is the same person; otherwise a new worker record.
    auto found = TRY(c.Query("SELECT id FROM wf_workers WHERE LOWER(email) = LOWER(?) ORDER BY id LIMIT 1",
                             {before["worker_email"].get<std::string>()}));
    int64_t worker_id = 0;
    if (!found.empty()) {
      worker_id = found.front().Int(0);
    } else {
      json worker = {{"first_name", before["worker_first_name"]}, {"last_name", before["worker_last_name"]},
                     {"email", before["worker_email"]},           {"worker_type", before["worker_type"]},
                     {"home_country", before["work_country"]},    {"home_state", before["work_state"]},
                     {"status", "active"}};
      worker_id = TRY(Insert(c, WorkerTable(), caller, worker, request_id))["id"].get<int64_t>();
    }
    json assignment = {{"client_id", before["client_id"]}, {"programme_id", before["programme_id"]},
                       {"worker_id", worker_id},           {"psr_id", id}};
    for (const char* field : {"title", "manager_name", "manager_email", "location", "work_country", "work_state",
                              "cost_centre", "start_date", "end_date", "worker_type", "vms_work_order_id", "currency",
                              "pay_rate", "bill_rate"}) {
      assignment[field] = before[field];
    }
    const json created = TRY(InsertAssignment(c, caller, assignment, request_id));
    json after = before;
    after["status"] = "converted";
    after["assignment_id"] = created["id"];
    TRY(Save(c, PsrTable(), caller, before, after, version, "convert", request_id));
    return created;
  });
}

}  // namespace concord::workforce
