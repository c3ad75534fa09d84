// OpenAPI component schemas of the service desk's records (merged into app::ComponentSchemas).
#include "service/openapi.h"

#include "service/case.h"
#include "service/desk_config.h"

namespace concord::service {
namespace {

using nlohmann::json;

json Str() { return {{"type", "string"}}; }
json NullableStr() { return {{"type", {"string", "null"}}}; }
json Int() { return {{"type", "integer"}}; }
json NullableInt() { return {{"type", {"integer", "null"}}}; }
json Enum(const std::vector<std::string>& values) { return {{"type", "string"}, {"enum", values}}; }
json Strings() { return {{"type", "array"}, {"items", Str()}}; }
json Object(json properties) { return {{"type", "object"}, {"properties", std::move(properties)}}; }

}  // namespace

json ServiceSchemas() {
  const json link = Object({{"entity_type", Str()}, {"entity_id", Int()}});
  json input = Object({{"subject", Str()},
                       {"description", {{"type", "string"}, {"description", "the first message; write-only"}}},
                       {"requester_kind", Enum(kRequesterKinds)},
                       {"requester_contact_id", NullableInt()},
                       {"requester_worker_id", NullableInt()},
                       {"requester_name", Str()},
                       {"requester_email", Str()},
                       {"client_id", NullableInt()},
                       {"category", Enum(kCategories)},
                       {"priority", Enum(kPriorities)},
                       {"status", Enum(kStatuses)},
                       {"queue_id", NullableInt()},
                       {"assignee_id", NullableInt()},
                       {"level", Enum(kLevels)},
                       {"tags", Strings()},
                       {"channel", Enum(kChannels)},
                       {"language", Str()},
                       {"links", {{"type", "array"}, {"items", link}}}});
  json c = input;
  c["properties"].erase("description");
  for (const char* k : {"id", "version"}) c["properties"][k] = Int();
  for (const char* k : {"requester_user_id", "sla_policy_id", "merged_into_id", "satisfaction"})
    c["properties"][k] = NullableInt();
  for (const char* k : {"sla_due_at", "first_response_at", "solved_at"}) c["properties"][k] = NullableStr();
  for (const char* k : {"queue_name", "assignee_name", "satisfaction_comment", "created_at", "updated_at"})
    c["properties"][k] = Str();
  c["properties"]["sla_state"] = Enum({"none", "ok", "due_soon", "paused", "breached", "met"});
  const json attachment = Object({{"name", Str()}, {"content_type", Str()}, {"size", Int()}, {"file_id", NullableInt()}});
  const json entry = Object({{"id", Int()},
                             {"case_id", Int()},
                             {"kind", Enum(kEntryKinds)},
                             {"public", {{"type", "boolean"}}},
                             {"author_id", NullableInt()},
                             {"author_name", Str()},
                             {"body", Str()},
                             {"duration_s", NullableInt()},
                             {"outcome", Str()},
                             {"status", Str()},
                             {"attachments", {{"type", "array"}, {"items", attachment}}},
                             {"mail", Object({{"message_id", Str()}, {"in_reply_to", Str()}, {"references", Strings()},
                                              {"from", Str()}, {"to", Str()}, {"subject", Str()}})},
                             {"created_at", Str()}});
  const json entry_input = Object({{"kind", Enum({"reply", "message", "note", "call", "chat"})},
                                   {"body", Str()},
                                   {"public", {{"type", "boolean"}}},
                                   {"duration_s", NullableInt()},
                                   {"outcome", Enum(kCallOutcomes)},
                                   {"set_status", Enum(kStatuses)}});
  const json hours = {{"type", "object"},
                      {"description", "sun..sat → [\"09:00-17:00\", …]"},
                      {"additionalProperties", Strings()}};
  const json calendar = Object({{"id", Int()}, {"name", Str()}, {"time_zone", Str()}, {"weekly_hours", hours},
                                {"holidays", Strings()}, {"version", Int()}});
  const json escalation = Object({{"metric", Enum({"first_response", "next_response", "resolution"})},
                                  {"before_due_min", Int()},
                                  {"action", Enum({"notify", "reassign", "raise_level"})},
                                  {"target", Str()}});
  const json policy = Object({{"id", Int()}, {"name", Str()}, {"calendar_id", Int()}, {"first_response_min", NullableInt()},
                              {"next_response_min", NullableInt()}, {"resolution_min", NullableInt()},
                              {"due_soon_min", Int()}, {"pause_statuses", Strings()},
                              {"escalations", {{"type", "array"}, {"items", escalation}}}, {"client_id", NullableInt()},
                              {"category", NullableStr()}, {"priority", NullableStr()}, {"active", {{"type", "boolean"}}},
                              {"version", Int()}});
  const json member = Object({{"user_id", Int()}, {"name", Str()}, {"skills", Strings()}, {"capacity", Int()}});
  const json queue = Object({{"id", Int()}, {"name", Str()}, {"strategy", Enum(kRoutingStrategies)},
                             {"category", NullableStr()}, {"language", NullableStr()}, {"client_id", NullableInt()},
                             {"inbound_address", Str()}, {"members", {{"type", "array"}, {"items", member}}},
                             {"version", Int()}});
  const json macro = Object({{"id", Int()}, {"name", Str()}, {"body", Str()}, {"set_status", NullableStr()},
                             {"set_priority", NullableStr()}, {"add_tags", Strings()}, {"version", Int()}});
  const json criterion = Object({{"key", Str()}, {"label", Str()}, {"weight", Int()}, {"rating", NullableInt()}});
  const json scorecard = Object({{"id", Int()}, {"case_id", Int()}, {"case_subject", Str()},
                                 {"agent_id", NullableInt()}, {"agent_name", Str()}, {"queue_id", NullableInt()},
                                 {"queue_name", Str()}, {"reviewer_id", NullableInt()}, {"reviewer_name", Str()},
                                 {"criteria", {{"type", "array"}, {"items", criterion}}}, {"total_pct", Int()},
                                 {"comment", Str()}, {"solved_at", Str()}, {"created_at", Str()},
                                 {"updated_at", Str()}, {"version", Int()}});
  return {{"Case", c},           {"CaseInput", input},   {"CaseEntry", entry}, {"CaseEntryInput", entry_input},
          {"ServiceCalendar", calendar}, {"SlaPolicy", policy}, {"Queue", queue}, {"Macro", macro},
          {"Scorecard", scorecard}};
}

}  // namespace concord::service
