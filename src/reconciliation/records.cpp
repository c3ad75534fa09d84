#include "reconciliation/records.h"

#include "recon/recon.h"

namespace concord::reconciliation {
namespace {

nlohmann::json OptInt(const std::optional<int64_t>& value) { return value ? nlohmann::json(*value) : nlohmann::json(); }
nlohmann::json OptText(const std::string& value) { return value.empty() ? nlohmann::json() : nlohmann::json(value); }

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

Error ItemClosed(const Item& item) {
  return Error::Conflict("item.closed", "Item " + std::to_string(item.id) +
                                            " is already resolved; a difference "
                                            "that comes back opens a new item.");
}

}  // namespace

std::vector<FieldError> ValidateSpecInput(const SpecInput& input, bool creating) {
  std::vector<FieldError> errors;
  if (creating && !input.name) errors.push_back({"name", "field.required", "Give the spec a name."});
  if (input.name && Blank(*input.name)) errors.push_back({"name", "field.required", "The name may not be empty."});
  if (input.name && input.name->size() > 200) errors.push_back({"name", "field.too_long", "At most 200 characters."});
  if (creating && !input.toml) errors.push_back({"toml", "field.required", "Give the spec's TOML text."});
  if (input.toml) {
    // The engine is the one judge of a spec: saving what it would refuse only moves the error to run time.
    auto parsed = recon::ParseSpec(*input.toml, "spec.toml");
    if (!parsed.ok()) {
      const Error& e = parsed.error();
      if (e.fields.empty()) errors.push_back({"toml", e.code, e.message});
      for (const auto& f : e.fields) errors.push_back({"toml/" + f.field, f.code, f.field + ": " + f.message});
    }
  }
  return errors;
}

Status CheckResolve(const Item& item, const std::string& note, const std::string& correction) {
  if (item.status == "resolved") return ItemClosed(item);
  std::vector<FieldError> errors;
  if (Blank(note)) errors.push_back({"note", "item.note_required", "Say why the item is resolved."});
  if (Blank(correction)) {
    errors.push_back({"correction", "item.correction_required", "Say what was corrected where."});
  }
  if (!errors.empty()) return Error::Invalid("request.invalid", "The resolution has errors; see the fields.", errors);
  return {};
}

Status CheckAccept(const Item& item, const std::string& note) {
  if (item.status != "open") {
    return item.status == "resolved" ? ItemClosed(item)
                                     : Error::Conflict("item.accepted", "The item is already accepted.");
  }
  if (Blank(note)) {
    return Error::Invalid("request.invalid", "Accepting a known difference needs a note.",
                          {{"note", "item.note_required", "Say why this difference is known and accepted."}});
  }
  return {};
}

Status CheckAssign(const Item& item) {
  if (item.status == "resolved") return ItemClosed(item);
  return {};
}

Status CheckReopen(const Item& item) {
  if (item.status != "accepted") {
    return Error::Conflict("item.not_accepted", "Only an item accepted as a known difference can be reopened.");
  }
  return {};
}

nlohmann::json ToJson(const SpecRecord& s) {
  nlohmann::json schedule;
  if (!s.schedule_cron.empty()) {
    schedule = {{"cron", s.schedule_cron}, {"left_path", s.left_path}, {"right_path", s.right_path}};
  }
  return {{"id", s.id},
          {"name", s.name},
          {"toml", s.toml},
          {"client_id", OptInt(s.client_id)},
          {"schedule", schedule},
          {"version", s.version},
          {"created_by", OptInt(s.created_by)},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

nlohmann::json ToJson(const Run& r) {
  auto input = [](const RunInput& in) {
    return nlohmann::json{{"file_id", OptInt(in.file_id)}, {"name", in.name}, {"sha256", OptText(in.sha256)}};
  };
  return {{"id", r.id},
          {"spec_id", r.spec_id},
          {"spec_version", r.spec_version},
          {"spec_name", r.spec_name},
          {"left", input(r.left)},
          {"right", input(r.right)},
          {"state", r.state},
          {"summary", r.summary.is_null() ? nlohmann::json::object() : r.summary},
          {"error", OptText(r.error)},
          {"job_id", OptInt(r.job_id)},
          {"client_id", OptInt(r.client_id)},
          {"created_by", OptInt(r.created_by)},
          {"created_at", r.created_at},
          {"started_at", OptText(r.started_at)},
          {"finished_at", OptText(r.finished_at)}};
}

nlohmann::json ToJson(const Item& i) {
  nlohmann::json j = AuditJson(i);
  j["assignee"] = i.assignee_id ? nlohmann::json{{"id", *i.assignee_id}, {"name", i.assignee_name}} : nlohmann::json();
  j["details"] = i.details;
  j["version"] = i.version;
  j["created_at"] = i.created_at;
  j["updated_at"] = i.updated_at;
  if (i.run_ids) j["run_ids"] = *i.run_ids;
  return j;
}

nlohmann::json AuditJson(const Item& i) {
  return {{"id", i.id},
          {"run_id", i.run_id},
          {"first_run_id", i.first_run_id},
          {"spec_id", i.spec_id},
          {"client_id", OptInt(i.client_id)},
          {"key", i.key},
          {"kind", i.kind},
          {"status", i.status},
          {"assignee_id", OptInt(i.assignee_id)},
          {"resolution_note", i.resolution_note},
          {"correction", i.correction},
          {"resolved_by", OptInt(i.resolved_by)},
          {"resolved_at", OptText(i.resolved_at)}};
}

}  // namespace concord::reconciliation
