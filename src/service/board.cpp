#include "service/board.h"

#include <algorithm>

namespace concord::service {

int BoardAgent::UtilizationPct() const {
  if (capacity <= 0) return load > 0 ? 100 : 0;
  return static_cast<int>((load * 200 + capacity) / (capacity * 2));  // round half up
}

std::vector<BoardAgent> BoardAgents(const std::vector<Queue>& queues, std::optional<int64_t> queue_id,
                                    const std::map<int64_t, int64_t>& loads, const std::map<int64_t, int64_t>& counts) {
  std::map<int64_t, BoardAgent> by_user;
  for (const Queue& q : queues) {
    if (queue_id && q.id != *queue_id) continue;
    for (const QueueMember& m : q.members) {
      BoardAgent& a = by_user[m.user_id];
      a.user_id = m.user_id;
      a.name = m.name;
      a.queues.push_back(q.name);
      a.capacity = std::max(a.capacity, m.capacity);
    }
  }
  std::vector<BoardAgent> out;
  for (auto& [id, a] : by_user) {
    if (auto it = loads.find(id); it != loads.end()) a.load = it->second;
    if (auto it = counts.find(id); it != counts.end()) a.open_cases = it->second;
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.name != y.name ? x.name < y.name : x.user_id < y.user_id; });
  return out;
}

nlohmann::json ToJson(const BoardAgent& a) {
  return {{"user_id", a.user_id},     {"name", a.name},
          {"queues", a.queues},       {"capacity", a.capacity},
          {"load", a.load},           {"open_cases", a.open_cases},
          {"utilization_pct", a.UtilizationPct()}, {"over_capacity", a.OverCapacity()}};
}

}  // namespace concord::service
