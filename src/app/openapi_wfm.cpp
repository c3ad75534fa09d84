// OpenAPI component schemas of workforce management (/api/v1/wfm/...).
#include "app/openapi_wfm.h"

namespace concord::app {
namespace {

using nlohmann::json;

json Type(const char* type) { return {{"type", type}}; }
json Nullable(const char* type) { return {{"type", {type, "null"}}}; }
json Object(json properties) { return {{"type", "object"}, {"properties", std::move(properties)}}; }
json ArrayOf(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }

json Accuracy() {
  const json level = Object({{"mape", Nullable("number")}, {"wape", Nullable("number")}, {"points", Type("integer")},
                             {"zero_actuals", Type("integer")}});
  return Object({{"interval", level}, {"daily", level}});
}

}  // namespace

json WfmSchemas() {
  json queue_input = Object({{"key", {{"type", "string"}, {"description", "join key; fixed after create"}}},
                             {"name", Type("string")},
                             {"time_zone", {{"type", "string"}, {"description", "IANA name"}}},
                             {"interval_min", {{"type", "integer"}, {"enum", {15, 30, 60}}}},
                             {"target_sl", {{"type", "number"}, {"description", "fraction answered within target_s"}}},
                             {"target_s", Type("number")},
                             {"max_occupancy", Type("number")},
                             {"shrinkage", Type("number")},
                             {"patience_s", {{"type", {"number", "null"}}, {"description", "known: Erlang A"}}},
                             {"max_abandonment", Type("number")}});
  json queue = queue_input;
  for (const char* name : {"id", "contacts", "version"}) queue["properties"][name] = Type("integer");
  queue["properties"]["created_at"] = Type("string");
  queue["properties"]["updated_at"] = Type("string");
  const json staffing_result =
      Object({{"model", {{"type", "string"}, {"enum", {"erlang_c", "erlang_a"}}}}, {"agents", Type("integer")},
              {"positions", Type("integer")}, {"traffic", Type("number")}, {"service_level", Type("number")},
              {"p_wait", Type("number")}, {"asa_s", Nullable("number")}, {"occupancy", Type("number")},
              {"p_abandon", Type("number")}});
  const json interval =
      Object({{"day", Type("string")}, {"start", Type("string")}, {"contacts", Type("number")},
              {"actual", Nullable("number")}, {"aht_s", Type("number")}, {"agents", Type("integer")},
              {"positions", Type("integer")}, {"service_level", Type("number")}, {"asa_s", Nullable("number")},
              {"occupancy", Type("number")}, {"p_abandon", Type("number")}, {"scheduled", Type("integer")},
              {"gap", {{"type", "integer"}, {"description", "required positions − scheduled; > 0 is short"}}}});
  return {
      {"WfmQueueInput", queue_input},
      {"WfmQueue", queue},
      {"WfmContact", Object({{"id", Type("integer")}, {"queue_id", Type("integer")}, {"queue_key", Type("string")},
                             {"call_id", Type("string")}, {"arrived_at", Type("string")}, {"handle_s", Type("integer")},
                             {"outcome", {{"type", "string"}, {"enum", {"answered", "abandoned"}}}},
                             {"wait_s", Type("integer")}})},
      {"WfmForecast",
       Object({{"id", Type("integer")}, {"queue_id", Type("integer")}, {"queue_key", Type("string")},
               {"queue_name", Type("string")},
               {"state", {{"type", "string"}, {"enum", {"queued", "running", "succeeded", "failed"}}}},
               {"job_id", Nullable("integer")}, {"interval_min", Type("integer")}, {"holdout_days", Type("integer")},
               {"horizon_days", Type("integer")}, {"history_from", Type("string")}, {"history_to", Type("string")},
               {"forecast_from", Type("string")}, {"accuracy", Accuracy()}, {"params", Type("object")},
               {"error", Type("string")}, {"created_at", Type("string")}, {"updated_at", Type("string")},
               {"series", {{"type", "object"},
                           {"description", "forecast {contacts, aht_s, daily} and backtest {first_day, actual, "
                                           "forecast, forecast_daily}, one value per interval or day"}}}})},
      {"WfmImportReport",
       Object({{"rows", Type("integer")}, {"created", Type("integer")}, {"updated", Type("integer")},
               {"unchanged", Type("integer")}, {"queues_created", Type("integer")}, {"dry_run", Type("boolean")}})},
      {"WfmSchedule",
       Object({{"entries", ArrayOf(Object({{"date", Type("string")}, {"start", Type("string")},
                                           {"scheduled", Type("integer")}}))},
               {"items", ArrayOf(Object({{"date", Type("string")}, {"start", Type("string")},
                                         {"scheduled", Type("integer")}}))}})},
      {"WfmStaffingRequest",
       Object({{"contacts", Type("number")}, {"interval_min", Type("number")}, {"aht_s", Type("number")},
               {"target_sl", Type("number")}, {"target_s", Type("number")}, {"shrinkage", Type("number")},
               {"max_occupancy", Type("number")}, {"patience_s", Nullable("number")},
               {"max_abandonment", Type("number")}})},
      {"WfmStaffingResult", staffing_result},
      {"WfmStaffingPlan",
       Object({{"forecast_id", Type("integer")}, {"queue", {{"$ref", "#/components/schemas/WfmQueue"}}},
               {"targets", Type("object")}, {"interval_min", Type("integer")},
               {"summary", Object({{"intervals", Type("integer")}, {"understaffed_intervals", Type("integer")},
                                   {"overstaffed_intervals", Type("integer")},
                                   {"short_position_hours", Type("number")}, {"peak_positions", Type("integer")},
                                   {"model", Type("string")}})},
               {"intervals", ArrayOf(interval)}})},
  };
}

}  // namespace concord::app
