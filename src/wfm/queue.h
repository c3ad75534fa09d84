// A WFM queue's planning settings: what an input may change, the checks, and the JSON the API shows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "wfm/staffing_plan.h"
#include "wfm/wfm_store.h"

namespace concord::wfm {

// Fields a create or change may carry; absent means "leave as is" (or the default on create).
struct QueueInput {
  std::optional<std::string> key;  // create only: the join key never changes
  std::optional<std::string> name;
  std::optional<std::string> time_zone;
  std::optional<int> interval_min;
  std::optional<double> target_sl;
  std::optional<double> target_s;
  std::optional<double> max_occupancy;
  std::optional<double> shrinkage;
  std::optional<std::optional<double>> patience_s;  // set to nullopt: unknown, back to Erlang C
  std::optional<double> max_abandonment;
};

void Apply(const QueueInput& input, Queue& queue);
// Every problem with a queue's settings, each naming its field.
std::vector<FieldError> ValidateQueue(const Queue& queue);
StaffingTargets TargetsOf(const Queue& queue);

nlohmann::json ToJson(const Queue& queue);
nlohmann::json ToJson(const StoredContact& contact);
nlohmann::json ToJson(const ForecastRun& run, bool with_series);

}  // namespace concord::wfm
