#include "workforce/records.h"

#include <algorithm>

#include "core/date.h"
#include "core/decimal.h"

namespace concord::workforce {
namespace {

using nlohmann::json;
using K = ColumnKind;

const std::string kClientName = "(SELECT c.legal_name FROM clients c WHERE c.id = t.client_id)";
const std::string kProgrammeName = "(SELECT p.name FROM wf_programmes p WHERE p.id = t.programme_id)";
const std::string kWorkerName =
    "(SELECT w.first_name || ' ' || w.last_name FROM wf_workers w WHERE w.id = t.worker_id)";

std::vector<Column> Texts(std::initializer_list<const char*> names) {
  std::vector<Column> out;
  for (const char* n : names) out.push_back({n, K::kText});
  return out;
}

std::vector<Column> Concat(std::vector<Column> a, const std::vector<Column>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

bool OneOf(const std::string& value, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

const TableMap& ProgrammeTable() {
  static const TableMap map{
      "programme",
      "wf_programmes",
      Concat({{"client_id", K::kInt}},
             Concat(Texts({"name", "msp", "vms", "processing_instructions", "account_executive", "checkin_schedule",
                           "status"}),
                    {{"background_check_required", K::kBool},
                     {"required_psr_fields", K::kJson},
                     {"field_mapping", K::kJson},
                     {"audit_spec_id", K::kInt},
                     {"audit_applied_run_id", K::kInt},
                     {"minimum_notice_days", K::kInt},
                     {"notice_day_kind", K::kText}})),
      {{"client_name", kClientName}},
      "",
      "",
      {"name", "msp", "client_name"},
      {"name", "msp", "vms", "client_name", "status", "updated_at"},
      "name"};
  return map;
}

const TableMap& WorkerTable() {
  static const TableMap map{
      "worker",
      "wf_workers",
      Concat(Texts({"first_name", "last_name", "email", "phone", "worker_type", "home_country", "home_state",
                    "tax_id_masked", "status"}),
             {{"tax_id_sealed", K::kSecret}, {"tax_id_index", K::kSecret}, {"user_id", K::kInt},
              {"type_history", K::kJson}}),
      {{"full_name", "(t.first_name || ' ' || t.last_name)"}},
      "t.id IN (SELECT a.worker_id FROM wf_assignments a WHERE a.client_id IN ({ids}))",
      "id",
      {"first_name", "last_name", "email", "full_name"},
      {"last_name", "first_name", "email", "worker_type", "home_state", "status", "updated_at"},
      "last_name"};
  return map;
}

const TableMap& PsrTable() {
  static const TableMap map{
      "psr",
      "wf_psrs",
      Concat({{"client_id", K::kInt}, {"programme_id", K::kInt}, {"assignment_id", K::kInt}, {"missing", K::kJson}},
             Texts({"source", "vms_work_order_id", "worker_first_name", "worker_last_name", "worker_email",
                    "worker_type", "title", "manager_name", "manager_email", "location", "work_country", "work_state",
                    "cost_centre", "start_date", "end_date", "pay_rate", "bill_rate", "currency", "status",
                    "import_sha256"})),
      {{"client_name", kClientName}, {"programme_name", kProgrammeName}},
      "",
      "",
      {"vms_work_order_id", "worker_first_name", "worker_last_name", "title", "manager_name"},
      {"vms_work_order_id", "worker_last_name", "title", "start_date", "status", "client_name", "updated_at"},
      "start_date"};
  return map;
}

const TableMap& AssignmentTable() {
  static const TableMap map{
      "assignment",
      "wf_assignments",
      Concat({{"client_id", K::kInt},
              {"programme_id", K::kInt},
              {"worker_id", K::kInt},
              {"psr_id", K::kInt},
              {"vms_update_pending", K::kBool},
              {"notice_hours", K::kInt},
              {"rates", K::kJson},
              {"checklist", K::kJson},
              {"offboarding", K::kJson},
              {"final_pay", K::kJson},
              {"classification_recheck", K::kJson},
              {"conversion", K::kJson},
              {"notice", K::kJson}},
             Texts({"title", "manager_name", "manager_email", "location", "work_country", "work_state", "cost_centre",
                    "start_date", "end_date", "status", "worker_type", "vms_work_order_id", "vms_worker_id",
                    "currency", "pay_rate", "bill_rate", "end_reason", "last_day_worked", "cancel_reason",
                    "first_day_details"})),
      {{"worker_name", kWorkerName}, {"client_name", kClientName}, {"programme_name", kProgrammeName}},
      "",
      "worker_id",
      {"title", "manager_name", "vms_work_order_id", "worker_name", "cost_centre"},
      {"title", "worker_name", "client_name", "start_date", "end_date", "status", "manager_name", "updated_at"},
      "start_date"};
  return map;
}

const TableMap& DocumentTable() {
  static const TableMap map{"document",
                            "wf_documents",
                            Concat({{"client_id", K::kInt},
                                    {"assignment_id", K::kInt},
                                    {"worker_id", K::kInt},
                                    {"file_id", K::kInt},
                                    {"size", K::kInt}},
                                   Texts({"item_id", "file_name", "content_type", "sha256", "uploaded_by"})),
                            {},
                            "",
                            "worker_id",
                            {"file_name", "item_id"},
                            {"file_name", "item_id", "created_at"},
                            "created_at"};
  return map;
}

const TableMap& DeterminationTable() {
  static const TableMap map{
      "determination",
      "wf_determinations",
      Concat({{"client_id", K::kInt},
              {"assignment_id", K::kInt},
              {"worker_id", K::kInt},
              {"answers", K::kJson},
              {"result", K::kJson},
              {"approval_required", K::kBool}},
             Texts({"questionnaire_version", "risk", "status", "approver_name", "approved_at", "approval_note"})),
      {{"worker_name", kWorkerName}},
      "",
      "",
      {"risk", "status"},
      {"risk", "status", "created_at"},
      "created_at"};
  return map;
}

const TableMap& TimelineTable() {
  static const TableMap map{
      "timeline_entry",
      "wf_timeline",
      Concat({{"client_id", K::kInt}, {"worker_id", K::kInt}, {"assignment_id", K::kInt}, {"outbox_id", K::kInt},
              {"attachments", K::kJson}},
             Texts({"kind", "direction", "subject", "body", "author_name", "occurred_at", "channel", "external_id"})),
      {{"mail_status", "(SELECT o.status FROM mail_outbox o WHERE o.id = t.outbox_id)"}},
      "",
      "",
      {"subject", "body"},
      {"occurred_at", "kind"},
      "occurred_at"};
  return map;
}

const TableMap& TaskTable() {
  static const TableMap map{"task",
                            "wf_tasks",
                            Concat({{"client_id", K::kInt}, {"entity_id", K::kInt}},
                                   Texts({"entity", "title", "detail", "owner", "status", "due_date"})),
                            {{"client_name", kClientName}},
                            "",
                            "",
                            {"title", "detail"},
                            {"title", "status", "created_at", "due_date"},
                            "created_at"};
  return map;
}

const TableMap& TimecardTable() {
  static const TableMap map{
      "timecard",
      "wf_timecards",
      Concat({{"client_id", K::kInt}, {"assignment_id", K::kInt}, {"worker_id", K::kInt}, {"hours", K::kJson}},
             Texts({"week_start", "total_hours", "status", "submitted_at", "decided_at", "decided_by",
                    "reject_reason", "manager_name"})),
      {{"worker_name", kWorkerName},
       {"client_name", kClientName},
       {"assignment_title", "(SELECT a.title FROM wf_assignments a WHERE a.id = t.assignment_id)"}},
      "",
      "worker_id",
      {"worker_name", "manager_name", "assignment_title"},
      {"week_start", "worker_name", "status", "submitted_at", "manager_name", "updated_at"},
      "week_start"};
  return map;
}

const TableMap& ExpenseTable() {
  static const TableMap map{
      "expense",
      "wf_expenses",
      Concat({{"client_id", K::kInt}, {"assignment_id", K::kInt}, {"worker_id", K::kInt}, {"receipt_file_id", K::kInt}},
             Texts({"spent_on", "category", "amount", "currency", "description", "receipt_sha256", "status",
                    "submitted_at", "decided_at", "decided_by", "reject_reason", "manager_name"})),
      {{"worker_name", kWorkerName}, {"client_name", kClientName}},
      "",
      "worker_id",
      {"description", "worker_name", "category"},
      {"spent_on", "worker_name", "status", "category", "updated_at"},
      "spent_on"};
  return map;
}

const InputSpec& ProgrammeInput() {
  static const InputSpec spec{{"client_id", FieldKind::kId, true},
                              {"name", FieldKind::kText, true},
                              {"msp", FieldKind::kText},
                              {"vms", FieldKind::kChoice, true, kVmsKinds},
                              {"processing_instructions", FieldKind::kLongText},
                              {"account_executive", FieldKind::kText},
                              {"checkin_schedule", FieldKind::kChoice, false, kCheckInSchedules},
                              {"status", FieldKind::kChoice, false, {"active", "inactive"}},
                              {"background_check_required", FieldKind::kBool},
                              {"required_psr_fields", FieldKind::kTextList},
                              {"minimum_notice_days", FieldKind::kCount},
                              {"notice_day_kind", FieldKind::kChoice, false, {"business", "calendar"}}};
  return spec;
}

const InputSpec& WorkerInput() {
  static const InputSpec spec{{"first_name", FieldKind::kText, true},
                              {"last_name", FieldKind::kText, true},
                              {"email", FieldKind::kEmail},
                              {"phone", FieldKind::kText},
                              {"worker_type", FieldKind::kChoice, true, kWorkerTypes},
                              {"home_country", FieldKind::kText},
                              {"home_state", FieldKind::kText},
                              {"status", FieldKind::kChoice, false, kWorkerStatuses}};
  return spec;
}

const InputSpec& PsrInput() {
  static const InputSpec spec{{"programme_id", FieldKind::kId, true},
                              {"vms_work_order_id", FieldKind::kText},
                              {"worker_first_name", FieldKind::kText},
                              {"worker_last_name", FieldKind::kText},
                              {"worker_email", FieldKind::kEmail},
                              {"worker_type", FieldKind::kChoice, false, kWorkerTypes},
                              {"title", FieldKind::kText},
                              {"manager_name", FieldKind::kText},
                              {"manager_email", FieldKind::kEmail},
                              {"location", FieldKind::kText},
                              {"work_country", FieldKind::kText},
                              {"work_state", FieldKind::kText},
                              {"cost_centre", FieldKind::kText},
                              {"start_date", FieldKind::kDate},
                              {"end_date", FieldKind::kDate},
                              {"pay_rate", FieldKind::kMoney},
                              {"bill_rate", FieldKind::kMoney},
                              {"currency", FieldKind::kText}};
  return spec;
}

const InputSpec& AssignmentInput() {
  static const InputSpec spec{{"worker_id", FieldKind::kId, true},
                              {"programme_id", FieldKind::kId, true},
                              {"title", FieldKind::kText, true},
                              {"manager_name", FieldKind::kText},
                              {"manager_email", FieldKind::kEmail},
                              {"location", FieldKind::kText},
                              {"work_country", FieldKind::kText},
                              {"work_state", FieldKind::kText},
                              {"cost_centre", FieldKind::kText},
                              {"start_date", FieldKind::kDate, true},
                              {"end_date", FieldKind::kDate},
                              {"worker_type", FieldKind::kChoice, false, kWorkerTypes},
                              {"vms_work_order_id", FieldKind::kText},
                              {"vms_worker_id", FieldKind::kText},
                              {"currency", FieldKind::kText},
                              {"pay_rate", FieldKind::kMoney, true},
                              {"bill_rate", FieldKind::kMoney, true}};
  return spec;
}

const InputSpec& TimelineInput() {
  static const InputSpec spec{{"kind", FieldKind::kChoice, true, kTimelineKinds},
                              {"direction", FieldKind::kChoice, false, {"inbound", "outbound", "internal"}},
                              {"subject", FieldKind::kText},
                              {"body", FieldKind::kLongText, true},
                              {"assignment_id", FieldKind::kId},
                              {"occurred_at", FieldKind::kText},
                              {"channel", FieldKind::kChoice, false, kTimelineChannels}};
  return spec;
}

const InputSpec& ExpenseInput() {
  static const InputSpec spec{{"assignment_id", FieldKind::kId, true},
                              {"spent_on", FieldKind::kDate, true},
                              {"category", FieldKind::kChoice, true, kExpenseCategories},
                              {"amount", FieldKind::kMoney, true},
                              {"currency", FieldKind::kText},
                              {"description", FieldKind::kText}};
  return spec;
}

Result<std::string> NormaliseMoney(const std::string& text) {
  auto amount = Decimal::Parse(text);
  if (!amount.ok() || amount->IsNegative() || amount->scale() > 4) {
    return Error::Invalid("field.money", "'" + text + "' is not an amount like 52.50.");
  }
  return amount->scale() < 2 ? amount->Rescale(2).ToString() : amount->ToString();
}

std::vector<FieldError> ValidateInput(const InputSpec& spec, const json& input, bool creating,
                                      const std::vector<std::string>& extra_allowed) {
  std::vector<FieldError> errors;
  if (!input.is_object()) return {{"", "field.type", "The body must be a JSON object."}};
  for (const auto& [name, value] : input.items()) {
    const bool known = std::any_of(spec.begin(), spec.end(), [&](const InputField& f) { return f.name == name; });
    if (!known && !OneOf(name, extra_allowed)) errors.push_back({name, "field.unknown", "No such field."});
  }
  for (const auto& f : spec) {
    const auto it = input.find(f.name);
    const bool absent = it == input.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty());
    if (absent) {
      if (creating && f.required) errors.push_back({f.name, "field.required", "Required."});
      continue;
    }
    const json& v = *it;
    switch (f.kind) {
      case FieldKind::kBool:
        if (!v.is_boolean()) errors.push_back({f.name, "field.type", "Must be true or false."});
        continue;
      case FieldKind::kId:
        if (!v.is_number_integer() || v.get<int64_t>() <= 0) {
          errors.push_back({f.name, "field.type", "Must be a record id."});
        }
        continue;
      case FieldKind::kCount:
        if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 365) {
          errors.push_back({f.name, "field.type", "Must be a whole number from 0 to 365."});
        }
        continue;
      case FieldKind::kTextList:
        if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); })) {
          errors.push_back({f.name, "field.type", "Must be a list of texts."});
        }
        continue;
      default:
        break;
    }
    if (!v.is_string()) {
      errors.push_back({f.name, "field.type", "Must be text."});
      continue;
    }
    const std::string text = v.get<std::string>();
    const size_t max = f.kind == FieldKind::kLongText ? 20000 : 200;
    if (text.size() > max) errors.push_back({f.name, "field.too_long", "At most " + std::to_string(max) + " characters."});
    if (f.kind == FieldKind::kDate && !Date::Parse(text).ok()) {
      errors.push_back({f.name, "field.date", "'" + text + "' is not a date (YYYY-MM-DD)."});
    }
    if (f.kind == FieldKind::kMoney && !NormaliseMoney(text).ok()) {
      errors.push_back({f.name, "field.money", "'" + text + "' is not an amount like 52.50."});
    }
    if (f.kind == FieldKind::kChoice && !OneOf(text, f.choices)) {
      errors.push_back({f.name, "field.choice", "Must be one of " + Joined(f.choices) + "."});
    }
    if (f.kind == FieldKind::kEmail) {
      const auto at = text.find('@');
      if (at == std::string::npos || at == 0 || text.find('.', at) == std::string::npos) {
        errors.push_back({f.name, "field.email", "'" + text + "' is not an email address."});
      }
    }
  }
  return errors;
}

void ApplyInput(const InputSpec& spec, const json& input, json& record) {
  for (const auto& f : spec) {
    const auto it = input.find(f.name);
    if (it == input.end()) continue;
    if (f.kind == FieldKind::kMoney && it->is_string() && !it->get<std::string>().empty()) {
      record[f.name] = NormaliseMoney(it->get<std::string>()).value();
    } else {
      record[f.name] = *it;
    }
  }
}

Error InvalidInput(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

}  // namespace concord::workforce
