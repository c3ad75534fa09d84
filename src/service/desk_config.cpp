#include "service/desk_config.h"

#include <algorithm>

namespace concord::service {
namespace {

constexpr const char* kDayNames[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

nlohmann::json Opt(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json Opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

bool OneOf(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Reads typed members, recording a field error for a member of the wrong type.
struct Reader {
  const nlohmann::json& j;
  std::vector<FieldError>& errors;
  std::string prefix;

  std::optional<std::string> Text(const std::string& name) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      errors.push_back({prefix + name, "field.type", "Must be text."});
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<int64_t> Int(const std::string& name) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) {
      errors.push_back({prefix + name, "field.type", "Must be a whole number."});
      return std::nullopt;
    }
    return it->get<int64_t>();
  }
  std::vector<std::string> Texts(const std::string& name) {
    std::vector<std::string> out;
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) {
      errors.push_back({prefix + name, "field.type", "Must be a list of text."});
      return out;
    }
    for (const auto& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
      else errors.push_back({prefix + name, "field.type", "Must be a list of text."});
    }
    return out;
  }
};

void RequireName(const std::string& name, std::vector<FieldError>& errors) {
  if (name.empty()) errors.push_back({"name", "field.required", "A name is required."});
}

}  // namespace

nlohmann::json CalendarToJson(const BusinessCalendar& calendar) {
  nlohmann::json hours = nlohmann::json::object();
  for (int d = 0; d < 7; ++d) {
    nlohmann::json spans = nlohmann::json::array();
    for (const auto& h : calendar.weekly_hours[d]) spans.push_back(h.ToString());
    hours[kDayNames[d]] = spans;
  }
  nlohmann::json holidays = nlohmann::json::array();
  for (const Date& d : calendar.holidays) holidays.push_back(d.ToString());
  return {{"time_zone", calendar.time_zone}, {"weekly_hours", hours}, {"holidays", holidays}};
}

BusinessCalendar CalendarFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
  BusinessCalendar cal;
  Reader r{j, errors, ""};
  cal.time_zone = r.Text("time_zone").value_or("UTC");
  if (auto it = j.find("weekly_hours"); it != j.end() && it->is_object()) {
    for (int d = 0; d < 7; ++d) {
      Reader day{*it, errors, "weekly_hours/"};
      for (const std::string& text : day.Texts(kDayNames[d])) {
        Result<BusinessHours> h = BusinessHours::Parse(text);
        if (h.ok()) cal.weekly_hours[d].push_back(*h);
        else errors.push_back({std::string("weekly_hours/") + kDayNames[d], h.error().code, h.error().message});
      }
    }
  } else {
    errors.push_back({"weekly_hours", "field.required", "Give the open hours per weekday, e.g. {\"mon\": [\"09:00-17:00\"]}."});
  }
  for (const std::string& text : r.Texts("holidays")) {
    Result<Date> d = Date::Parse(text);
    if (d.ok()) cal.holidays.insert(*d);
    else errors.push_back({"holidays", d.error().code, d.error().message});
  }
  if (errors.empty()) {
    if (Status s = cal.Validate(); !s.ok()) {
      for (const auto& f : s.error().fields) errors.push_back(f);
      if (s.error().fields.empty()) errors.push_back({"time_zone", s.error().code, s.error().message});
    }
  }
  return cal;
}

nlohmann::json ToJson(const CalendarRecord& r) {
  nlohmann::json j = CalendarToJson(r.calendar);
  j["id"] = r.id;
  j["name"] = r.name;
  j["version"] = r.version;
  return j;
}

nlohmann::json ToJson(const PolicyRecord& r) {
  nlohmann::json escalations = nlohmann::json::array();
  for (const auto& e : r.escalations)
    escalations.push_back({{"metric", e.metric}, {"before_due_min", e.before_due_min}, {"action", e.action}, {"target", e.target}});
  return {{"id", r.id},
          {"name", r.name},
          {"calendar_id", r.calendar_id},
          {"first_response_min", Opt(r.first_response_min)},
          {"next_response_min", Opt(r.next_response_min)},
          {"resolution_min", Opt(r.resolution_min)},
          {"due_soon_min", r.due_soon_min},
          {"pause_statuses", r.pause_statuses},
          {"escalations", escalations},
          {"client_id", Opt(r.client_id)},
          {"category", Opt(r.category)},
          {"priority", Opt(r.priority)},
          {"active", r.active},
          {"version", r.version}};
}

nlohmann::json ToJson(const Queue& q) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : q.members)
    members.push_back({{"user_id", m.user_id}, {"name", m.name}, {"skills", m.skills}, {"capacity", m.capacity}});
  return {{"id", q.id},           {"name", q.name},         {"strategy", q.strategy},
          {"category", Opt(q.category)}, {"language", Opt(q.language)}, {"client_id", Opt(q.client_id)},
          {"inbound_address", q.inbound_address}, {"members", members}, {"version", q.version}};
}

nlohmann::json ToJson(const Macro& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"body", m.body},
          {"set_status", Opt(m.set_status)},
          {"set_priority", Opt(m.set_priority)},
          {"add_tags", m.add_tags},
          {"version", m.version}};
}

PolicyRecord PolicyFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
  PolicyRecord p;
  Reader r{j, errors, ""};
  p.name = r.Text("name").value_or("");
  RequireName(p.name, errors);
  p.calendar_id = r.Int("calendar_id").value_or(0);
  if (p.calendar_id <= 0) errors.push_back({"calendar_id", "field.required", "Choose the business calendar."});
  p.first_response_min = r.Int("first_response_min");
  p.next_response_min = r.Int("next_response_min");
  p.resolution_min = r.Int("resolution_min");
  p.due_soon_min = r.Int("due_soon_min").value_or(0);
  if (j.contains("pause_statuses")) p.pause_statuses = r.Texts("pause_statuses");
  for (const auto& s : p.pause_statuses) {
    if (!ParseCaseStatus(s).ok()) errors.push_back({"pause_statuses", "case.unknown_status", "Unknown status " + s + "."});
  }
  p.client_id = r.Int("client_id");
  p.category = r.Text("category");
  p.priority = r.Text("priority");
  if (auto it = j.find("active"); it != j.end() && it->is_boolean()) p.active = it->get<bool>();
  if (auto it = j.find("escalations"); it != j.end() && it->is_array()) {
    for (size_t i = 0; i < it->size(); ++i) {
      Reader e{(*it)[i], errors, "escalations/" + std::to_string(i) + "/"};
      EscalationRecord rec;
      rec.metric = e.Text("metric").value_or("resolution");
      rec.before_due_min = e.Int("before_due_min").value_or(0);
      rec.action = e.Text("action").value_or("notify");
      rec.target = e.Text("target").value_or("");
      if (!OneOf({"first_response", "next_response", "resolution"}, rec.metric))
        errors.push_back({e.prefix + "metric", "field.choice", "Must be first_response, next_response or resolution."});
      if (!OneOf({"notify", "reassign", "raise_level"}, rec.action))
        errors.push_back({e.prefix + "action", "field.choice", "Must be notify, reassign or raise_level."});
      p.escalations.push_back(rec);
    }
  }
  return p;
}

Queue QueueFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
  Queue q;
  Reader r{j, errors, ""};
  q.name = r.Text("name").value_or("");
  RequireName(q.name, errors);
  q.strategy = r.Text("strategy").value_or("round_robin");
  if (!OneOf(kRoutingStrategies, q.strategy))
    errors.push_back({"strategy", "field.choice", "Must be round_robin, least_loaded or skills."});
  q.category = r.Text("category");
  q.language = r.Text("language");
  q.client_id = r.Int("client_id");
  q.inbound_address = r.Text("inbound_address").value_or("");
  if (auto it = j.find("members"); it != j.end() && it->is_array()) {
    for (size_t i = 0; i < it->size(); ++i) {
      Reader m{(*it)[i], errors, "members/" + std::to_string(i) + "/"};
      QueueMember member;
      member.user_id = m.Int("user_id").value_or(0);
      member.skills = m.Texts("skills");
      member.capacity = m.Int("capacity").value_or(10);
      if (member.user_id <= 0) errors.push_back({m.prefix + "user_id", "field.required", "A member is a user id."});
      if (member.capacity < 0) errors.push_back({m.prefix + "capacity", "field.range", "Must not be negative."});
      q.members.push_back(member);
    }
  }
  return q;
}

Macro MacroFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
  Macro m;
  Reader r{j, errors, ""};
  m.name = r.Text("name").value_or("");
  RequireName(m.name, errors);
  m.body = r.Text("body").value_or("");
  m.set_status = r.Text("set_status");
  m.set_priority = r.Text("set_priority");
  m.add_tags = r.Texts("add_tags");
  if (m.set_status && !ParseCaseStatus(*m.set_status).ok())
    errors.push_back({"set_status", "case.unknown_status", "Unknown status."});
  return m;
}

Result<SlaPolicy> ToSlaPolicy(const PolicyRecord& record, const BusinessCalendar& calendar) {
  SlaPolicy p;
  p.id = std::to_string(record.id);
  p.calendar = calendar;
  auto minutes = [](const std::optional<int64_t>& m) -> std::optional<std::chrono::minutes> {
    if (!m) return std::nullopt;
    return std::chrono::minutes(*m);
  };
  p.first_response = minutes(record.first_response_min);
  p.next_response = minutes(record.next_response_min);
  p.resolution = minutes(record.resolution_min);
  p.due_soon_before = std::chrono::minutes(record.due_soon_min);
  p.pause_statuses.clear();
  for (const auto& s : record.pause_statuses) p.pause_statuses.insert(TRY(ParseCaseStatus(s)));
  for (const auto& e : record.escalations) {
    EscalationRule rule;
    rule.metric = e.metric == "first_response"  ? SlaMetric::kFirstResponse
                  : e.metric == "next_response" ? SlaMetric::kNextResponse
                                                : SlaMetric::kResolution;
    rule.before_due = std::chrono::minutes(e.before_due_min);
    rule.action = e.action == "reassign"      ? EscalationAction::kReassign
                  : e.action == "raise_level" ? EscalationAction::kRaiseLevel
                                              : EscalationAction::kNotify;
    rule.target = e.target;
    p.escalations.push_back(rule);
  }
  TRY(p.Validate());
  return p;
}

std::vector<SlaAssignmentRule> AssignmentRules(const std::vector<PolicyRecord>& policies) {
  std::vector<SlaAssignmentRule> rules;
  for (const auto& p : policies) {
    if (!p.active) continue;
    SlaAssignmentRule rule;
    if (p.client_id) rule.client_id = std::to_string(*p.client_id);
    rule.category = p.category;
    rule.priority = p.priority;
    rule.policy_id = std::to_string(p.id);
    rules.push_back(rule);
  }
  return rules;
}

std::optional<int64_t> SelectQueue(const std::vector<Queue>& queues, const QueueKey& key) {
  const Queue* best = nullptr;
  int best_score = -1;
  for (const Queue& q : queues) {
    int score = 0;
    if (!q.inbound_address.empty()) {
      if (key.inbound_address.empty()) {
        // An address-bound queue still takes cases from other channels when its criteria match.
      } else if (q.inbound_address == key.inbound_address) {
        score += 8;
      }
    }
    if (q.client_id) {
      if (q.client_id != key.client_id) continue;
      score += 4;
    }
    if (q.category) {
      if (*q.category != key.category) continue;
      score += 2;
    }
    if (q.language) {
      if (*q.language != key.language) continue;
      score += 1;
    }
    if (score > best_score) {
      best = &q;
      best_score = score;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->id;
}

}  // namespace concord::service
