// The service desk's configuration records: business calendars, SLA policies (with the client
// contract, category and priority they apply to), queues with their members' skills and capacity, and
// macros. Pure values and their JSON; the SLA rules themselves are in sla_policy.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/result.h"
#include "service/sla_policy.h"

namespace concord::service {

inline const std::vector<std::string> kRoutingStrategies = {"round_robin", "least_loaded", "skills"};

struct CalendarRecord {
  int64_t id = 0;
  std::string name;
  BusinessCalendar calendar;
  int64_t version = 1;
};

struct EscalationRecord {
  std::string metric = "resolution";  // first_response, next_response, resolution
  int64_t before_due_min = 0;
  std::string action = "notify";      // notify, reassign, raise_level
  std::string target;                 // notify: a user id or "supervisor"; reassign: a queue id
};

struct PolicyRecord {
  int64_t id = 0;
  std::string name;
  int64_t calendar_id = 0;
  std::optional<int64_t> first_response_min, next_response_min, resolution_min;
  int64_t due_soon_min = 0;
  std::vector<std::string> pause_statuses = {"pending_requester", "pending_third_party", "on_hold"};
  std::vector<EscalationRecord> escalations;
  // What the policy applies to: an absent field matches anything (SelectSlaPolicy).
  std::optional<int64_t> client_id;
  std::optional<std::string> category, priority;
  bool active = true;
  int64_t version = 1;
};

struct QueueMember {
  int64_t user_id = 0;
  std::string name;  // filled when read
  std::vector<std::string> skills;  // "lang:es", "product:benefits", "client:12", …
  int64_t capacity = 10;            // open cases at most (weighted by priority)
};

struct Queue {
  int64_t id = 0;
  std::string name;
  std::string strategy = "round_robin";
  // Which new cases land here (absent: any); the most specific matching queue wins.
  std::optional<std::string> category, language;
  std::optional<int64_t> client_id;
  std::string inbound_address;  // mail to this address lands here
  std::vector<QueueMember> members;
  int64_t version = 1;
};

struct Macro {
  int64_t id = 0;
  std::string name;
  std::string body;  // {{requester_name}}, {{case_id}}, {{subject}}, {{agent_name}}, {{queue_name}}
  std::optional<std::string> set_status, set_priority;
  std::vector<std::string> add_tags;
  int64_t version = 1;
};

// JSON ⇄ records. FromJson collects field errors (field names as the API shows them).
nlohmann::json CalendarToJson(const BusinessCalendar& calendar);
BusinessCalendar CalendarFromJson(const nlohmann::json& j, std::vector<FieldError>& errors);
nlohmann::json ToJson(const CalendarRecord& r);
nlohmann::json ToJson(const PolicyRecord& r);
nlohmann::json ToJson(const Queue& q);
nlohmann::json ToJson(const Macro& m);
PolicyRecord PolicyFromJson(const nlohmann::json& j, std::vector<FieldError>& errors);
Queue QueueFromJson(const nlohmann::json& j, std::vector<FieldError>& errors);
Macro MacroFromJson(const nlohmann::json& j, std::vector<FieldError>& errors);

// The rule-engine policy of a record on its calendar ("sla.*"/"calendar.*" errors when invalid).
Result<SlaPolicy> ToSlaPolicy(const PolicyRecord& record, const BusinessCalendar& calendar);
// The assignment rules of the active policies, in id order.
std::vector<SlaAssignmentRule> AssignmentRules(const std::vector<PolicyRecord>& policies);

// Which queue a new case lands in: the most specific queue whose criteria all match (client 4,
// category 2, language 1; an inbound address match beats everything); nullopt when none does.
struct QueueKey {
  std::optional<int64_t> client_id;
  std::string category, language, inbound_address;
};
std::optional<int64_t> SelectQueue(const std::vector<Queue>& queues, const QueueKey& key);

}  // namespace concord::service
