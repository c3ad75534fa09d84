#include "service/routing.h"

#include <algorithm>

namespace concord::service {
namespace {

bool HasRoom(const RoutingCandidate& m, int64_t weight) { return m.load + weight <= m.capacity; }

// How many required skills the member holds exactly; -1 when they lack one they would need (they hold
// other skills of that dimension but not this one).
int SkillMatches(const RoutingCandidate& m, const std::vector<std::string>& required) {
  int exact = 0;
  for (const std::string& skill : required) {
    if (std::find(m.skills.begin(), m.skills.end(), skill) != m.skills.end()) {
      ++exact;
      continue;
    }
    const std::string dimension = skill.substr(0, skill.find(':') + 1);
    const bool specialist = std::any_of(m.skills.begin(), m.skills.end(),
                                        [&](const std::string& s) { return s.starts_with(dimension); });
    if (specialist) return -1;
  }
  return exact;
}

}  // namespace

std::optional<int64_t> ChooseAssignee(const std::vector<RoutingCandidate>& members, const RoutingRequest& request) {
  if (members.empty()) return std::nullopt;
  if (request.strategy == "round_robin") {
    size_t start = 0;
    if (request.last_assigned) {
      for (size_t i = 0; i < members.size(); ++i)
        if (members[i].user_id == *request.last_assigned) start = i + 1;
    }
    for (size_t k = 0; k < members.size(); ++k) {
      const RoutingCandidate& m = members[(start + k) % members.size()];
      if (HasRoom(m, request.weight)) return m.user_id;
    }
    return std::nullopt;
  }
  const bool skills = request.strategy == "skills";
  const RoutingCandidate* best = nullptr;
  int best_matches = -1;
  for (const RoutingCandidate& m : members) {
    if (!HasRoom(m, request.weight)) continue;
    const int matches = skills ? SkillMatches(m, request.required_skills) : 0;
    if (matches < 0) continue;
    if (best == nullptr || matches > best_matches || (matches == best_matches && m.load < best->load)) {
      best = &m;
      best_matches = matches;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->user_id;
}

std::vector<std::string> RequiredSkills(const std::string& language, const std::string& category,
                                        std::optional<int64_t> client_id) {
  std::vector<std::string> out;
  if (!language.empty()) out.push_back("lang:" + language);
  if (!category.empty()) out.push_back("product:" + category);
  if (client_id) out.push_back("client:" + std::to_string(*client_id));
  return out;
}

}  // namespace concord::service
