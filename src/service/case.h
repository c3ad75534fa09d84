// Service cases: the records of the service desk (a case, its timeline entries and linked records) and
// the pure rules that validate them. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "service/sla_policy.h"

namespace concord::service {

// "[#123]" in a subject: the case a reply without threading headers belongs to.
std::optional<int64_t> CaseNumberInSubject(std::string_view subject);

inline const std::vector<std::string> kRequesterKinds = {"contact", "worker", "internal"};
inline const std::vector<std::string> kCategories = {"payroll",    "benefits", "timecard",      "onboarding",
                                                     "compliance", "billing",  "claims_appeal", "assignment",
                                                     "files",      "general"};
inline const std::vector<std::string> kPriorities = {"low", "normal", "high", "urgent"};
inline const std::vector<std::string> kStatuses = {"new",     "open",   "pending_requester", "pending_third_party",
                                                   "on_hold", "solved", "closed"};
inline const std::vector<std::string> kLevels = {"l1", "l2", "leadership"};
inline const std::vector<std::string> kChannels = {"email", "phone", "chat", "portal", "api"};
// Timeline entry kinds. message_in/message_out travel over a channel; the rest stay inside concord.
inline const std::vector<std::string> kEntryKinds = {"message_in", "message_out", "note",      "call",
                                                     "chat",       "status",      "assignment", "level",
                                                     "policy",     "escalation",  "merge",      "survey"};
inline const std::vector<std::string> kCallOutcomes = {"resolved", "follow_up", "transferred", "voicemail",
                                                       "no_answer"};

// Weight of a case's priority in an agent's load (least-loaded routing): an urgent case counts as much
// as five low ones.
int PriorityWeight(const std::string& priority);
// The next level up (l1 → l2 → leadership); leadership stays.
std::string NextLevel(const std::string& level);

struct LinkedRecord {
  std::string entity_type;  // "worker", "assignment", "policy", "claim", …: any module's record
  int64_t entity_id = 0;
  friend bool operator==(const LinkedRecord&, const LinkedRecord&) = default;
};

struct Case {
  int64_t id = 0;
  std::string subject;
  std::string requester_kind = "contact";
  std::optional<int64_t> requester_contact_id, requester_worker_id, requester_user_id;
  std::string requester_name, requester_email;
  std::optional<int64_t> client_id;
  std::string category = "general";
  std::string priority = "normal";
  std::string status = "new";
  std::optional<int64_t> queue_id;
  std::string queue_name;  // filled when read
  std::optional<int64_t> assignee_id;
  std::string assignee_name;  // filled when read
  std::string level = "l1";
  std::vector<std::string> tags;
  std::string channel = "api";
  std::string language = "en";
  std::vector<LinkedRecord> links;
  std::optional<int64_t> sla_policy_id;
  // The SLA as last computed: the earliest running due time, the state for badges, when to look again.
  std::optional<std::string> sla_due_at, sla_next_check_at;
  std::string sla_state = "none";  // none, ok, due_soon, paused, breached, met
  std::optional<std::string> first_response_at, solved_at;
  std::optional<int64_t> merged_into_id;
  std::optional<int64_t> satisfaction;  // 1–5 from the survey on solve
  std::string satisfaction_comment;
  std::string survey_token;  // lets the requester answer the survey without signing in
  int64_t version = 1;
  std::string created_at, updated_at;
};

// A create or a partial update: absent members are left as they are.
struct CaseInput {
  std::optional<std::string> subject, description, requester_kind, requester_name, requester_email, category,
      priority, status, level, channel, language;
  std::optional<int64_t> requester_contact_id, requester_worker_id, client_id, queue_id, assignee_id;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<LinkedRecord>> links;
  bool clear_assignee = false;  // assignee_id: null in a PATCH
};

struct Attachment {
  std::string name, content_type;
  int64_t size = 0;
  std::optional<int64_t> file_id;
};

struct Entry {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string kind;
  bool is_public = true;  // shown to the requester on the portal
  std::optional<int64_t> author_id;
  std::string author_name;
  std::string body;
  std::optional<int64_t> duration_s;  // calls; handle time of any contact
  std::string outcome;                // calls
  std::string status;                 // status entries: the new status; policy: the policy id
  std::string mail_message_id, mail_in_reply_to, mail_from, mail_to, mail_subject;
  std::vector<std::string> mail_references;
  std::vector<Attachment> attachments;
  std::string created_at;
};

// Pure rules. `creating` requires the mandatory fields.
std::vector<FieldError> ValidateCase(const CaseInput& input, bool creating);
void Apply(const CaseInput& input, Case& c);
// Is the status move allowed? closed is final; anything else may follow anything.
Status CheckStatusChange(const std::string& from, const std::string& to);

nlohmann::json ToJson(const Case& c);
nlohmann::json ToJson(const Entry& e);
nlohmann::json ToJson(const LinkedRecord& l);

}  // namespace concord::service
