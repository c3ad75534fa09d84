// OpenAPI component schemas of the workforce records, generated from their TableMaps (what is returned)
// and InputSpecs (what a request may write), so the document cannot drift from the records.
#include "workforce/deliverable_records.h"
#include "workforce/routes.h"
#include "workforce/routes_comms.h"

namespace concord::workforce {
namespace {

json ColumnSchema(const Column& column) {
  switch (column.kind) {
    case ColumnKind::kInt: return {{"type", {"integer", "null"}}};
    case ColumnKind::kBool: return {{"type", "boolean"}};
    case ColumnKind::kJson: return json::object();
    default: return {{"type", {"string", "null"}}};
  }
}

}  // namespace

json RecordSchema(const TableMap& map) {
  json properties = {{"id", {{"type", "integer"}}},
                     {"version", {{"type", "integer"}}},
                     {"created_at", {{"type", "string"}}},
                     {"updated_at", {{"type", "string"}}}};
  for (const auto& c : map.columns) {
    if (c.kind != ColumnKind::kSecret) properties[c.name] = ColumnSchema(c);
  }
  for (const auto& extra : map.extras) properties[extra.first] = {{"type", {"string", "null"}}, {"readOnly", true}};
  return {{"type", "object"}, {"properties", properties}};
}

json InputSchema(const InputSpec& spec) {
  json properties = json::object();
  json required = json::array();
  for (const auto& f : spec) {
    json p;
    switch (f.kind) {
      case FieldKind::kBool: p = {{"type", "boolean"}}; break;
      case FieldKind::kId: p = {{"type", "integer"}, {"minimum", 1}}; break;
      case FieldKind::kCount: p = {{"type", "integer"}, {"minimum", 0}, {"maximum", 365}}; break;
      case FieldKind::kTextList: p = {{"type", "array"}, {"items", {{"type", "string"}}}}; break;
      case FieldKind::kChoice: p = {{"type", "string"}, {"enum", f.choices}}; break;
      case FieldKind::kDate: p = {{"type", "string"}, {"format", "date"}}; break;
      case FieldKind::kMoney: p = {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]{1,4})?$"}}; break;
      case FieldKind::kEmail: p = {{"type", "string"}, {"format", "email"}}; break;
      default: p = {{"type", "string"}};
    }
    properties[f.name] = p;
    if (f.required) required.push_back(f.name);
  }
  return {{"type", "object"}, {"properties", properties}, {"required", required},
          {"description", "required on create; a PATCH sends only what changes"}};
}

json ComponentSchemas() {
  json out = {{"Programme", RecordSchema(ProgrammeTable())}, {"ProgrammeInput", InputSchema(ProgrammeInput())},
              {"Worker", RecordSchema(WorkerTable())},       {"WorkerInput", InputSchema(WorkerInput())},
              {"Psr", RecordSchema(PsrTable())},             {"PsrInput", InputSchema(PsrInput())},
              {"Assignment", RecordSchema(AssignmentTable())}, {"AssignmentInput", InputSchema(AssignmentInput())},
              {"Timecard", RecordSchema(TimecardTable())},   {"Expense", RecordSchema(ExpenseTable())},
              {"ExpenseInput", InputSchema(ExpenseInput())}, {"Task", RecordSchema(TaskTable())},
              {"TimelineEntry", RecordSchema(TimelineTable())}, {"TimelineEntryInput", InputSchema(TimelineInput())},
              {"Document", RecordSchema(DocumentTable())},   {"Determination", RecordSchema(DeterminationTable())},
              {"Deliverable", RecordSchema(DeliverableTable())}, {"DeliverableInput", InputSchema(DeliverableInput())}};
  out["WorkerInput"]["properties"]["tax_id"] = {{"type", "string"}, {"description", "SSN/ITIN or foreign TIN; write-only"}};
  out["AssignmentEvent"] = {
      {"type", "object"},
      {"required", {"event"}},
      {"properties",
       {{"event", {{"type", "string"},
                   {"enum", {"start_onboarding", "complete_onboarding", "activate", "extend", "revise", "give_notice",
                             "end", "offboard", "cancel"}}}},
        {"first_day_details", {{"type", "string"}}},
        {"new_end_date", {{"type", "string"}, {"format", "date"}}},
        {"effective_date", {{"type", "string"}, {"format", "date"}}},
        {"pay_rate", {{"type", "string"}}},
        {"bill_rate", {{"type", "string"}}},
        {"manager_name", {{"type", "string"}}},
        {"end_reason", {{"type", "string"}, {"enum", {"completed", "client_ended", "resigned", "terminated"}}}},
        {"end_date", {{"type", "string"}, {"format", "date"}}},
        {"notice_hours", {{"type", "integer"}}},
        {"notice_given_on", {{"type", "string"}, {"format", "date"}, {"description", "give_notice; today when absent"}}},
        {"last_day_worked", {{"type", "string"}, {"format", "date"}}},
        {"next_regular_payday", {{"type", "string"}, {"format", "date"}}},
        {"payday_for_final_period", {{"type", "string"}, {"format", "date"}}},
        {"reason", {{"type", "string"}}}}}};
  out["TimelineEntryInput"]["properties"]["send_email"] = {{"type", "boolean"},
                                                           {"description", "also e-mail it to the worker (outbox)"}};
  out.update(CommsComponentSchemas());
  return out;
}

}  // namespace concord::workforce
