// The supervisor's board (pure): each agent's open work, weighted by priority as routing weighs it,
// against their capacity, to see who is overloaded and rebalance by reassigning cases.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "service/desk_config.h"

namespace concord::service {

struct BoardAgent {
  int64_t user_id = 0;
  std::string name;
  std::vector<std::string> queues;  // the queues they are a member of (of the chosen queue only, when one is)
  int64_t capacity = 0;             // the chosen queue's limit for them; else their largest over their queues
  int64_t load = 0;                 // open cases weighted by PriorityWeight, over every queue
  int64_t open_cases = 0;
  int UtilizationPct() const;       // load / capacity, rounded; 100 when capacity is 0 and load is not
  bool OverCapacity() const { return load > capacity; }
};

// Every member of the queues (or of queue_id only), by name, with their loads and open case counts.
std::vector<BoardAgent> BoardAgents(const std::vector<Queue>& queues, std::optional<int64_t> queue_id,
                                    const std::map<int64_t, int64_t>& loads, const std::map<int64_t, int64_t>& counts);

nlohmann::json ToJson(const BoardAgent& a);

}  // namespace concord::service
