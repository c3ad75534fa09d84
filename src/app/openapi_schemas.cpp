// OpenAPI component schemas of the records the API returns (referenced by the routes' RouteDoc).
#include "app/openapi_wfm.h"
#include "app/platform.h"
#include "service/openapi.h"

namespace concord::app {
namespace {

using nlohmann::json;

json Str() { return {{"type", "string"}}; }
json NullableStr() { return {{"type", {"string", "null"}}}; }
json Int() { return {{"type", "integer"}}; }
json Bool() { return {{"type", "boolean"}}; }
json Enum(std::vector<std::string> values) { return {{"type", "string"}, {"enum", values}}; }

}  // namespace

json CoreSchemas();  // the platform's own; the modules' are merged in below

json ComponentSchemas() {
  json schemas = CoreSchemas();
  const json service_schemas = service::ServiceSchemas();  // outlives the loop over its items
  for (const auto& [name, schema] : service_schemas.items()) schemas[name] = schema;
  return schemas;
}

json CoreSchemas() {
  const json address = {{"type", "object"},
                        {"properties",
                         {{"kind", Enum(clients::kAddressKinds)}, {"line1", Str()}, {"line2", Str()}, {"city", Str()},
                          {"region", Str()}, {"postal_code", Str()}, {"country", Str()}}}};
  const json team = {{"type", "object"},
                     {"properties", {{"user_id", Int()}, {"name", Str()}, {"role", Enum(clients::kTeamRoles)}}}};
  json client_input = {{"type", "object"},
                       {"properties",
                        {{"external_ref", NullableStr()}, {"legal_name", Str()}, {"dba", Str()},
                         {"tax_id", {{"type", "string"}, {"description", "EIN, write-only; read back masked"}}},
                         {"industry", Str()}, {"status", Enum(clients::kStatuses)},
                         {"addresses", {{"type", "array"}, {"items", address}}},
                         {"account_team", {{"type", "array"}, {"items", team}}}, {"service_notes", Str()},
                         {"processing_instructions", Str()}}}};
  json client = client_input;
  client["properties"].erase("tax_id");
  client["properties"]["id"] = Int();
  client["properties"]["tax_id_masked"] = NullableStr();
  client["properties"]["archived"] = Bool();
  client["properties"]["version"] = Int();
  client["properties"]["created_at"] = Str();
  client["properties"]["updated_at"] = Str();
  json contact_input = {{"type", "object"},
                        {"properties",
                         {{"name", Str()}, {"role", Str()}, {"title", Str()}, {"email", Str()}, {"phone", Str()},
                          {"preferred_channel", Enum(clients::kChannels)}, {"is_primary", Bool()}}}};
  json contact = contact_input;
  contact["properties"]["id"] = Int();
  contact["properties"]["client_id"] = Int();
  contact["properties"]["version"] = Int();
  json recon_spec_input = {{"type", "object"},
                           {"properties",
                            {{"name", Str()},
                             {"toml", {{"type", "string"}, {"description", "the spec (docs/RECONCILE.md)"}}},
                             {"client_id", {{"type", {"integer", "null"}}}}}}};
  json recon_spec = recon_spec_input;
  recon_spec["properties"]["id"] = Int();
  recon_spec["properties"]["schedule"] = {
      {"type", {"object", "null"}},
      {"properties", {{"cron", Str()}, {"left_path", Str()}, {"right_path", Str()}}}};
  recon_spec["properties"]["version"] = Int();
  recon_spec["properties"]["created_by"] = {{"type", {"integer", "null"}}};
  recon_spec["properties"]["created_at"] = Str();
  recon_spec["properties"]["updated_at"] = Str();
  const json recon_input = {
      {"type", "object"},
      {"properties", {{"file_id", {{"type", {"integer", "null"}}}}, {"name", Str()}, {"sha256", NullableStr()}}}};
  const json recon_run = {
      {"type", "object"},
      {"properties",
       {{"id", Int()}, {"spec_id", Int()}, {"spec_version", Int()}, {"spec_name", Str()}, {"left", recon_input},
        {"right", recon_input}, {"state", Enum(reconciliation::kRunStates)},
        {"summary", {{"type", "object"}, {"description", "the engine's counts and items_opened/linked/closed"}}},
        {"error", NullableStr()}, {"job_id", {{"type", {"integer", "null"}}}},
        {"client_id", {{"type", {"integer", "null"}}}}, {"created_by", {{"type", {"integer", "null"}}}},
        {"created_at", Str()}, {"started_at", NullableStr()}, {"finished_at", NullableStr()}}}};
  const json recon_item = {
      {"type", "object"},
      {"properties",
       {{"id", Int()}, {"run_id", Int()}, {"first_run_id", Int()}, {"spec_id", Int()},
        {"client_id", {{"type", {"integer", "null"}}}}, {"key", Str()}, {"kind", Enum(reconciliation::kItemKinds)},
        {"details", {{"type", "object"}, {"description", "diffs, left/right rows, duplicate rows or a failure"}}},
        {"status", Enum(reconciliation::kItemStatuses)}, {"assignee_id", {{"type", {"integer", "null"}}}},
        {"assignee", {{"type", {"object", "null"}}, {"properties", {{"id", Int()}, {"name", Str()}}}}},
        {"resolution_note", Str()}, {"correction", Str()}, {"resolved_by", {{"type", {"integer", "null"}}}},
        {"resolved_at", NullableStr()}, {"version", Int()}, {"created_at", Str()}, {"updated_at", Str()},
        {"run_ids", {{"type", "array"}, {"items", Int()}, {"description", "runs that reported it (one item only)"}}}}}};
  const json recon_file = {
      {"type", "object"},
      {"properties", {{"id", Int()}, {"name", Str()}, {"size", Int()}, {"sha256", Str()}}}};
  json schemas = {
      {"ReconSpec", recon_spec},
      {"ReconSpecInput", recon_spec_input},
      {"ReconRun", recon_run},
      {"ReconItem", recon_item},
      {"ReconFile", recon_file},
      {"Client", client},
      {"ClientInput", client_input},
      {"Contact", contact},
      {"ContactInput", contact_input},
      {"User",
       {{"type", "object"},
        {"properties",
         {{"id", Int()}, {"email", Str()}, {"name", Str()},
          {"role", Enum({"admin", "manager", "coordinator", "client_user", "worker"})},
          {"client_ids", {{"type", "array"}, {"items", Int()}}}, {"worker_id", {{"type", {"integer", "null"}}}}}}}},
      {"Job",
       {{"type", "object"},
        {"properties",
         {{"id", Int()}, {"kind", Str()}, {"state", Enum({"queued", "running", "succeeded", "failed"})},
          {"done", Int()}, {"total", Int()}, {"message", Str()}, {"attempts", Int()}, {"result", {{"type", "object"}}},
          {"result_url", NullableStr()}, {"created_at", Str()}, {"updated_at", Str()}}}}},
      {"AuditEvent",
       {{"type", "object"},
        {"properties",
         {{"id", Int()}, {"at", Str()},
          {"actor", {{"type", "object"}, {"properties", {{"id", {{"type", {"integer", "null"}}}}, {"name", Str()}}}}},
          {"request_id", Str()}, {"entity", Str()}, {"entity_id", Str()}, {"client_id", {{"type", {"integer", "null"}}}},
          {"action", Str()}, {"before", {}}, {"after", {}}, {"hash", Str()}}}}},
      {"OutboxMessage",
       {{"type", "object"},
        {"properties",
         {{"id", Int()}, {"status", Enum({"queued", "sent", "held", "failed"})}, {"to", {{"type", "array"}, {"items", Str()}}},
          {"subject", Str()}, {"text", Str()}, {"reply_to", Str()}, {"from", Str()}, {"in_reply_to", Str()},
          {"purpose", Str()}, {"entity", Str()},
          {"entity_id", Str()}, {"client_id", {{"type", {"integer", "null"}}}},
          {"created_by", {{"type", {"integer", "null"}}}}, {"message_id", Str()}, {"attempts", Int()},
          {"last_error", Str()}, {"created_at", Str()}, {"sent_at", NullableStr()},
          {"attachments", {{"type", "array"}, {"items", Str()}}}}}}},
  };
  schemas.update(WfmSchemas());
  return schemas;
}

}  // namespace concord::app
