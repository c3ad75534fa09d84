#include "service/case.h"

#include <algorithm>

namespace concord::service {
namespace {

bool OneOf(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void CheckChoice(const std::optional<std::string>& value, const std::vector<std::string>& allowed,
                 const std::string& field, std::vector<FieldError>& errors) {
  if (!value || OneOf(allowed, *value)) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  errors.push_back({field, "field.choice", "Must be one of " + list + "."});
}

nlohmann::json Opt(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json Opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

int PriorityWeight(const std::string& priority) {
  if (priority == "low") return 1;
  if (priority == "high") return 3;
  if (priority == "urgent") return 5;
  return 2;
}

std::string NextLevel(const std::string& level) {
  if (level == "l1") return "l2";
  return "leadership";
}

std::vector<FieldError> ValidateCase(const CaseInput& in, bool creating) {
  std::vector<FieldError> errors;
  if (creating && (!in.subject || in.subject->empty()))
    errors.push_back({"subject", "field.required", "A case needs a subject."});
  if (in.subject && in.subject->size() > 300)
    errors.push_back({"subject", "field.too_long", "At most 300 characters."});
  CheckChoice(in.requester_kind, kRequesterKinds, "requester_kind", errors);
  CheckChoice(in.category, kCategories, "category", errors);
  CheckChoice(in.priority, kPriorities, "priority", errors);
  CheckChoice(in.status, kStatuses, "status", errors);
  CheckChoice(in.level, kLevels, "level", errors);
  CheckChoice(in.channel, kChannels, "channel", errors);
  if (in.requester_email && !in.requester_email->empty() && in.requester_email->find('@') == std::string::npos)
    errors.push_back({"requester_email", "field.email", "Not an email address."});
  if (in.requester_kind == "worker" && creating && !in.requester_worker_id)
    errors.push_back({"requester_worker_id", "field.required", "A worker's case names the worker."});
  if (in.links) {
    for (size_t i = 0; i < in.links->size(); ++i) {
      const LinkedRecord& l = (*in.links)[i];
      if (l.entity_type.empty() || l.entity_id <= 0)
        errors.push_back({"links/" + std::to_string(i), "field.link", "A link needs an entity_type and an entity_id."});
    }
  }
  if (in.tags) {
    for (size_t i = 0; i < in.tags->size(); ++i) {
      if ((*in.tags)[i].empty() || (*in.tags)[i].size() > 50)
        errors.push_back({"tags/" + std::to_string(i), "field.tag", "Tags are 1 to 50 characters."});
    }
  }
  return errors;
}

void Apply(const CaseInput& in, Case& c) {
  if (in.subject) c.subject = *in.subject;
  if (in.requester_kind) c.requester_kind = *in.requester_kind;
  if (in.requester_name) c.requester_name = *in.requester_name;
  if (in.requester_email) c.requester_email = *in.requester_email;
  if (in.requester_contact_id) c.requester_contact_id = in.requester_contact_id;
  if (in.requester_worker_id) c.requester_worker_id = in.requester_worker_id;
  if (in.client_id) c.client_id = in.client_id;
  if (in.category) c.category = *in.category;
  if (in.priority) c.priority = *in.priority;
  if (in.status) c.status = *in.status;
  if (in.level) c.level = *in.level;
  if (in.channel) c.channel = *in.channel;
  if (in.language) c.language = *in.language;
  if (in.queue_id) c.queue_id = in.queue_id;
  if (in.assignee_id) c.assignee_id = in.assignee_id;
  if (in.clear_assignee) c.assignee_id.reset();
  if (in.tags) {
    c.tags = *in.tags;
    std::sort(c.tags.begin(), c.tags.end());
    c.tags.erase(std::unique(c.tags.begin(), c.tags.end()), c.tags.end());
  }
  if (in.links) c.links = *in.links;
}

Status CheckStatusChange(const std::string& from, const std::string& to) {
  if (from == "closed" && to != "closed")
    return Error::Invalid("case.closed", "A closed case cannot change status; open a follow-up case.",
                          {{"status", "case.closed", "The case is closed."}});
  if (to == "new" && from != "new")
    return Error::Invalid("case.status_back_to_new", "A case cannot go back to new.",
                          {{"status", "case.status_back_to_new", "Use open instead."}});
  return {};
}

nlohmann::json ToJson(const LinkedRecord& l) { return {{"entity_type", l.entity_type}, {"entity_id", l.entity_id}}; }

nlohmann::json ToJson(const Case& c) {
  nlohmann::json links = nlohmann::json::array();
  for (const auto& l : c.links) links.push_back(ToJson(l));
  return {{"id", c.id},
          {"subject", c.subject},
          {"requester_kind", c.requester_kind},
          {"requester_contact_id", Opt(c.requester_contact_id)},
          {"requester_worker_id", Opt(c.requester_worker_id)},
          {"requester_user_id", Opt(c.requester_user_id)},
          {"requester_name", c.requester_name},
          {"requester_email", c.requester_email},
          {"client_id", Opt(c.client_id)},
          {"category", c.category},
          {"priority", c.priority},
          {"status", c.status},
          {"queue_id", Opt(c.queue_id)},
          {"queue_name", c.queue_name},
          {"assignee_id", Opt(c.assignee_id)},
          {"assignee_name", c.assignee_name},
          {"level", c.level},
          {"tags", c.tags},
          {"channel", c.channel},
          {"language", c.language},
          {"links", links},
          {"sla_policy_id", Opt(c.sla_policy_id)},
          {"sla_due_at", Opt(c.sla_due_at)},
          {"sla_state", c.sla_state},
          {"first_response_at", Opt(c.first_response_at)},
          {"solved_at", Opt(c.solved_at)},
          {"merged_into_id", Opt(c.merged_into_id)},
          {"satisfaction", Opt(c.satisfaction)},
          {"satisfaction_comment", c.satisfaction_comment},
          {"version", c.version},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

nlohmann::json ToJson(const Entry& e) {
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : e.attachments)
    attachments.push_back({{"name", a.name}, {"content_type", a.content_type}, {"size", a.size}, {"file_id", Opt(a.file_id)}});
  nlohmann::json j = {{"id", e.id},
                      {"case_id", e.case_id},
                      {"kind", e.kind},
                      {"public", e.is_public},
                      {"author_id", Opt(e.author_id)},
                      {"author_name", e.author_name},
                      {"body", e.body},
                      {"duration_s", Opt(e.duration_s)},
                      {"outcome", e.outcome},
                      {"status", e.status},
                      {"attachments", attachments},
                      {"created_at", e.created_at}};
  if (!e.mail_message_id.empty() || !e.mail_from.empty()) {
    j["mail"] = {{"message_id", e.mail_message_id}, {"in_reply_to", e.mail_in_reply_to},
                 {"references", e.mail_references}, {"from", e.mail_from},
                 {"to", e.mail_to},                 {"subject", e.mail_subject}};
  }
  return j;
}

std::optional<int64_t> CaseNumberInSubject(std::string_view subject) {
  const size_t open = subject.rfind("[#");
  if (open == std::string_view::npos) return std::nullopt;
  const size_t close = subject.find(']', open);
  if (close == std::string_view::npos || close == open + 2 || close - open > 20) return std::nullopt;
  const std::string digits(subject.substr(open + 2, close - open - 2));
  if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

}  // namespace concord::service
