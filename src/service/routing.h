// Who gets a new case in a queue: round robin, least loaded (open work weighted by priority) or skills,
// never past a member's capacity. Pure: the caller passes the members' current load.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord::service {

struct RoutingCandidate {
  int64_t user_id = 0;
  std::vector<std::string> skills;
  int64_t capacity = 0;  // the most weighted open work they may hold
  int64_t load = 0;      // their open cases, each weighted by PriorityWeight
};

struct RoutingRequest {
  std::string strategy = "round_robin";  // round_robin, least_loaded, skills
  std::vector<std::string> required_skills;  // skills strategy, "dim:value" each
  int64_t weight = 2;  // the new case's PriorityWeight
  std::optional<int64_t> last_assigned;  // round robin: the member who got the previous case
};

// The member to assign, or nullopt when every eligible member is at capacity (the case waits in the
// queue unassigned). Round robin takes the next member after last_assigned in the list order who has
// room; least loaded the one with the smallest load (ties: list order); skills filters to members
// eligible for every required skill "dim:value" (holding it, or holding no "dim:" skill at all: a
// generalist in that dimension), preferring the most exact matches, then the least loaded.
std::optional<int64_t> ChooseAssignee(const std::vector<RoutingCandidate>& members, const RoutingRequest& request);

// The skills a case asks for: its language ("lang:<code>"), its category as a product
// ("product:<category>") and its client ("client:<id>"), when set.
std::vector<std::string> RequiredSkills(const std::string& language, const std::string& category,
                                        std::optional<int64_t> client_id);

}  // namespace concord::service
