#include "wfm/queue.h"

#include <date/tz.h>

namespace concord::wfm {

void Apply(const QueueInput& in, Queue& q) {
  if (in.key) q.key = *in.key;
  if (in.name) q.name = *in.name;
  if (in.time_zone) q.time_zone = *in.time_zone;
  if (in.interval_min) q.interval_min = *in.interval_min;
  if (in.target_sl) q.target_sl = *in.target_sl;
  if (in.target_s) q.target_s = *in.target_s;
  if (in.max_occupancy) q.max_occupancy = *in.max_occupancy;
  if (in.shrinkage) q.shrinkage = *in.shrinkage;
  if (in.patience_s) q.patience_s = *in.patience_s;
  if (in.max_abandonment) q.max_abandonment = *in.max_abandonment;
}

StaffingTargets TargetsOf(const Queue& q) {
  return {q.target_sl, q.target_s, q.max_occupancy, q.shrinkage, q.patience_s, q.max_abandonment};
}

std::vector<FieldError> ValidateQueue(const Queue& q) {
  std::vector<FieldError> errors;
  if (!ValidQueueKey(q.key)) {
    errors.push_back({"key", "wfm.key_invalid", "Use lower-case letters, digits, - or _ (at most 40)."});
  }
  if (q.name.empty() || q.name.size() > 200) errors.push_back({"name", "field.required", "Give the queue a name."});
  try {
    (void)date::locate_zone(q.time_zone);
  } catch (const std::exception&) {
    errors.push_back({"time_zone", "calendar.unknown_time_zone", "\"" + q.time_zone + "\" is not an IANA time zone."});
  }
  if (q.interval_min != 15 && q.interval_min != 30 && q.interval_min != 60) {
    errors.push_back({"interval_min", "wfm.interval_unsupported", "Intervals are 15, 30 or 60 minutes."});
  }
  StaffingRequest targets;
  targets.aht_s = 1;
  targets.target_sl = q.target_sl;
  targets.target_s = q.target_s;
  targets.max_occupancy = q.max_occupancy;
  targets.shrinkage = q.shrinkage;
  targets.patience_s = q.patience_s;
  targets.max_abandonment = q.max_abandonment;
  if (auto valid = ValidateStaffing(targets); !valid) {
    for (const auto& f : valid.error().fields) errors.push_back(f);
  }
  return errors;
}

nlohmann::json ToJson(const Queue& q) {
  return {{"id", q.id},
          {"key", q.key},
          {"name", q.name},
          {"time_zone", q.time_zone},
          {"interval_min", q.interval_min},
          {"target_sl", q.target_sl},
          {"target_s", q.target_s},
          {"max_occupancy", q.max_occupancy},
          {"shrinkage", q.shrinkage},
          {"patience_s", q.patience_s ? nlohmann::json(*q.patience_s) : nlohmann::json(nullptr)},
          {"max_abandonment", q.max_abandonment},
          {"contacts", q.contacts},
          {"version", q.version},
          {"created_at", q.created_at},
          {"updated_at", q.updated_at}};
}

nlohmann::json ToJson(const StoredContact& c) {
  return {{"id", c.id},           {"queue_id", c.queue_id}, {"queue_key", c.queue_key},
          {"call_id", c.call_id}, {"arrived_at", c.arrived_at}, {"handle_s", c.handle_s},
          {"outcome", c.answered ? "answered" : "abandoned"},   {"wait_s", c.wait_s}};
}

nlohmann::json ToJson(const ForecastRun& f, bool with_series) {
  nlohmann::json j = {{"id", f.id},
                      {"queue_id", f.queue_id},
                      {"queue_key", f.queue_key},
                      {"queue_name", f.queue_name},
                      {"state", f.state},
                      {"job_id", f.job_id ? nlohmann::json(*f.job_id) : nlohmann::json(nullptr)},
                      {"interval_min", f.interval_min},
                      {"holdout_days", f.holdout_days},
                      {"horizon_days", f.horizon_days},
                      {"history_from", f.history_from},
                      {"history_to", f.history_to},
                      {"forecast_from", f.forecast_from},
                      {"accuracy", f.accuracy},
                      {"params", f.params},
                      {"error", f.error},
                      {"created_at", f.created_at},
                      {"updated_at", f.updated_at}};
  if (with_series) j["series"] = f.series;
  return j;
}

}  // namespace concord::wfm
