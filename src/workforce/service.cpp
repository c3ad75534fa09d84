#include "workforce/service.h"

#include <cctype>

#include "audit/audit.h"
#include "store/time.h"
#include "workforce/audited_records.h"

namespace concord::workforce {
namespace {

// A US taxpayer id (SSN or ITIN) is nine digits, written NNN-NN-NNNN (SSA; IRS Pub. 1915); a foreign
// contractor's tax id is kept as given (letters, digits, dashes), 4–20 characters.
std::optional<std::string> CanonicalTaxId(const std::string& text, bool us) {
  std::string digits, kept;
  for (char ch : text) {
    if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') {
      kept += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else if (ch != ' ') {
      return std::nullopt;
    }
  }
  if (us) {
    if (digits.size() != 9 || kept.find_first_not_of("0123456789-") != std::string::npos) return std::nullopt;
    return digits.substr(0, 3) + "-" + digits.substr(3, 2) + "-" + digits.substr(5);
  }
  if (kept.size() < 4 || kept.size() > 20) return std::nullopt;
  return kept;
}

}  // namespace

Date TodayUtc() { return Date(std::chrono::floor<date::days>(std::chrono::system_clock::now())); }

Result<json> WorkforceService::Insert(store::Connection& c, const TableMap& map, const auth::Principal& caller,
                                      json record, const std::string& request_id) {
  return InsertAudited(c, map, caller, record, request_id);
}

Result<json> WorkforceService::Save(store::Connection& c, const TableMap& map, const auth::Principal& caller,
                                    const json& before, const json& after, int64_t version, const std::string& action,
                                    const std::string& request_id) {
  return SaveAudited(c, map, caller, before, after, version, action, request_id);
}

Result<RecordPage> WorkforceService::List(const auth::Principal& caller, const TableMap& map,
                                          const ListRequest& request) {
  auto conn = TRY(db_.Acquire());
  RecordPage page = TRY(ListRecords(*conn, map, caller, request));
  for (auto& item : page.items) item = Public(map, std::move(item));
  return page;
}

Result<std::vector<json>> WorkforceService::All(const auth::Principal& caller, const TableMap& map,
                                                const ListRequest& request) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(AllRecords(*conn, map, caller, request));
  for (auto& row : rows) row = Public(map, std::move(row));
  return rows;
}

Result<json> WorkforceService::Get(const auth::Principal& caller, const TableMap& map, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return Public(map, TRY(LoadRecord(*conn, map, caller, id)));
}

// ---- programmes

Result<json> WorkforceService::CreateProgramme(const auth::Principal& caller, const json& input,
                                               const std::string& request_id) {
  if (auto errors = ValidateInput(ProgrammeInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The programme");
  }
  const int64_t client_id = input["client_id"].get<int64_t>();
  if (!caller.CanSeeClient(client_id)) {
    return InvalidInput({{"client_id", "programme.client_unknown", "No client has this id."}}, "The programme");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    auto client = TRY(c.Query("SELECT id FROM clients WHERE id = ?", {client_id}));
    if (client.empty()) {
      return InvalidInput({{"client_id", "programme.client_unknown", "No client has this id."}}, "The programme");
    }
    json record = {{"status", "active"},
                   {"checkin_schedule", "monthly"},
                   {"required_psr_fields", json::array()},
                   {"background_check_required", false}};
    ApplyInput(ProgrammeInput(), input, record);
    return Insert(c, ProgrammeTable(), caller, record, request_id);
  });
}

Result<json> WorkforceService::UpdateProgramme(const auth::Principal& caller, int64_t id, int64_t version,
                                               const json& input, const std::string& request_id) {
  if (auto errors = ValidateInput(ProgrammeInput(), input, false); !errors.empty()) {
    return InvalidInput(std::move(errors), "The programme");
  }
  if (input.contains("client_id")) {
    return InvalidInput({{"client_id", "programme.client_fixed", "A programme stays with its client."}},
                        "The programme");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, ProgrammeTable(), caller, id));
    json after = before;
    ApplyInput(ProgrammeInput(), input, after);
    return Save(c, ProgrammeTable(), caller, before, after, version, "update", request_id);
  });
}

// ---- workers

Status WorkforceService::SealTaxId(const json& input, json& worker) const {
  const auto it = input.find("tax_id");
  if (it == input.end()) return {};
  if (!it->is_string()) return InvalidInput({{"tax_id", "field.type", "Must be text."}}, "The worker");
  const std::string text = it->get<std::string>();
  if (text.empty()) {
    worker["tax_id_sealed"] = worker["tax_id_masked"] = worker["tax_id_index"] = nullptr;
    return {};
  }
  const bool us = worker.value("worker_type", "") != "foreign_contractor";
  const auto canonical = CanonicalTaxId(text, us);
  if (!canonical) {
    return InvalidInput({{"tax_id", "worker.tax_id_invalid",
                          us ? "A US tax id (SSN or ITIN) has nine digits, written 123-45-6789."
                             : "A foreign tax id has 4 to 20 letters, digits or dashes."}},
                        "The worker");
  }
  worker["tax_id_sealed"] = key_.Encrypt(*canonical);
  worker["tax_id_masked"] = crypto::Mask(*canonical);
  worker["tax_id_index"] = key_.BlindIndex(*canonical);
  return {};
}

Result<json> WorkforceService::CreateWorker(const auth::Principal& caller, const json& input,
                                            const std::string& request_id) {
  if (auto errors = ValidateInput(WorkerInput(), input, true, {"tax_id"}); !errors.empty()) {
    return InvalidInput(std::move(errors), "The worker");
  }
  json record = {{"status", "active"}, {"home_country", "US"}};
  ApplyInput(WorkerInput(), input, record);
  TRY(SealTaxId(input, record));
  return db_.Transact<json>(
      [&](store::Connection& c) -> Result<json> { return Insert(c, WorkerTable(), caller, record, request_id); });
}

Result<json> WorkforceService::UpdateWorker(const auth::Principal& caller, int64_t id, int64_t version,
                                            const json& input, const std::string& request_id) {
  if (auto errors = ValidateInput(WorkerInput(), input, false, {"tax_id"}); !errors.empty()) {
    return InvalidInput(std::move(errors), "The worker");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, WorkerTable(), caller, id));
    json after = before;
    ApplyInput(WorkerInput(), input, after);
    TRY(SealTaxId(input, after));
    return Save(c, WorkerTable(), caller, before, after, version, "update", request_id);
  });
}

Result<std::string> WorkforceService::RevealWorkerTaxId(const auth::Principal& caller, int64_t id,
                                                        const std::string& request_id) {
  return db_.Transact<std::string>([&](store::Connection& c) -> Result<std::string> {
    const json worker = TRY(LoadRecord(c, WorkerTable(), caller, id));
    std::string clear;
    if (worker["tax_id_sealed"].is_string()) clear = TRY(key_.Decrypt(worker["tax_id_sealed"].get<std::string>()));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"worker", std::to_string(id), std::nullopt, "reveal_tax_id", nullptr, nullptr}));
    return clear;
  });
}

Result<json> WorkforceService::AddTimelineEntry(const auth::Principal& caller, int64_t worker_id, const json& input,
                                                const std::string& request_id, const std::optional<MailCopy>& mail) {
  if (auto errors = ValidateInput(TimelineInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The timeline entry");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json worker = TRY(LoadRecord(c, WorkerTable(), caller, worker_id));
    std::string manager_email;
    json entry = {{"worker_id", worker_id},
                  {"direction", "internal"},
                  {"author_name", caller.name},
                  {"occurred_at", store::NowText()}};
    ApplyInput(TimelineInput(), input, entry);
    if (entry.contains("assignment_id") && entry["assignment_id"].is_number_integer()) {
      const json a = TRY(LoadRecord(c, AssignmentTable(), caller, entry["assignment_id"].get<int64_t>()));
      if (a["worker_id"] != worker_id) {
        return InvalidInput({{"assignment_id", "timeline.assignment_mismatch", "Not this worker's assignment."}},
                            "The timeline entry");
      }
      entry["client_id"] = a["client_id"];
      manager_email = a.value("manager_email", json("")).is_string() ? a.value("manager_email", "") : "";
    }
    json saved = TRY(Insert(c, TimelineTable(), caller, entry, request_id));
    if (mail) {
      const std::string worker_email = worker.value("email", json("")).is_string() ? worker.value("email", "") : "";
      const int64_t outbox_id = TRY(MailEntry(c, caller, saved, mail->recipient == "manager" ? manager_email : worker_email,
                                              mail->purpose, {}, request_id));
      // Kept on the entry so the timeline shows the e-mail's delivery state.
      if (outbox_id) TRY(c.Execute("UPDATE wf_timeline SET outbox_id = ? WHERE id = ?", {outbox_id, saved["id"].get<int64_t>()}));
      saved["outbox_id"] = outbox_id;
    }
    return saved;
  });
}

}  // namespace concord::workforce
