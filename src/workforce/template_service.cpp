// A programme's message and letter templates (WorkforceService; message_templates.h for the kinds).
#include "audit/audit.h"
#include "store/time.h"
#include "workforce/message_templates.h"
#include "workforce/service.h"

namespace concord::workforce {
namespace {

Result<const TemplateKind*> KindOf(const std::string& key) {
  const TemplateKind* kind = FindTemplateKind(key);
  if (!kind) return Error::NotFound("template.unknown_kind", "No template kind '" + key + "'.");
  return kind;
}

TemplateText TextOf(const json& input) {
  return {input.value("subject", json("")).is_string() ? input.value("subject", "") : "",
          input.value("body", json("")).is_string() ? input.value("body", "") : "", true};
}

// The programme's stored template of a kind: {subject, body, version}, or null.
Result<json> Stored(store::Connection& c, int64_t programme_id, const std::string& kind) {
  auto rows = TRY(c.Query("SELECT subject, body, version, updated_at FROM wf_message_templates WHERE programme_id = ? "
                          "AND kind = ?",
                          {programme_id, kind}));
  if (rows.empty()) return json(nullptr);
  return json{{"subject", rows.front().Text(0)}, {"body", rows.front().Text(1)}, {"version", rows.front().Int(2)},
              {"updated_at", rows.front().Text(3)}};
}

json Describe(const TemplateKind& kind, const json& stored) {
  json placeholders = json::array();
  for (const auto& [name, example] : kind.placeholders) placeholders.push_back({{"name", name}, {"example", example}});
  const bool custom = stored.is_object();
  return {{"kind", kind.key},
          {"title", kind.title},
          {"placeholders", placeholders},
          {"custom", custom},
          {"subject", custom ? stored["subject"] : json(kind.subject)},
          {"body", custom ? stored["body"] : json(kind.body)},
          {"default_subject", kind.subject},
          {"default_body", kind.body},
          {"version", custom ? stored["version"] : json(0)},
          {"updated_at", custom ? stored["updated_at"] : json(nullptr)}};
}

}  // namespace

Result<json> WorkforceService::ProgrammeTemplates(const auth::Principal& caller, int64_t programme_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadRecord(*conn, ProgrammeTable(), caller, programme_id));
  json items = json::array();
  for (const auto& kind : TemplateKinds()) items.push_back(Describe(kind, TRY(Stored(*conn, programme_id, kind.key))));
  return json{{"items", items}};
}

Result<json> WorkforceService::SaveProgrammeTemplate(const auth::Principal& caller, int64_t programme_id,
                                                     const std::string& key, const json& input,
                                                     const std::string& request_id) {
  const TemplateKind* kind = TRY(KindOf(key));
  const TemplateText text = TextOf(input);
  if (auto errors = ValidateTemplate(*kind, text); !errors.empty()) {
    return Error::Invalid("template.invalid", "The template has errors; see the fields.", std::move(errors));
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    const json before = TRY(Stored(c, programme_id, key));
    const json version = input.value("version", json(0));
    const int64_t expected = version.is_number_integer() ? version.get<int64_t>() : 0;
    if ((before.is_object() ? before["version"].get<int64_t>() : 0) != expected) {
      return Error{ErrorKind::kPreconditionFailed, "template.stale",
                   "Someone else saved this template since you opened it. Reload to see their text.", {}};
    }
    const std::string now = store::NowText();
    if (before.is_object()) {
      TRY(c.Execute("UPDATE wf_message_templates SET subject = ?, body = ?, version = version + 1, updated_at = ? "
                    "WHERE programme_id = ? AND kind = ?",
                    {text.subject, text.body, now, programme_id, key}));
    } else {
      TRY(c.Execute("INSERT INTO wf_message_templates (programme_id, client_id, kind, subject, body, version, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                    {programme_id, programme["client_id"].get<int64_t>(), key, text.subject, text.body, now, now}));
    }
    const json after = TRY(Stored(c, programme_id, key));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                       "template." + key, before, after}));
    return Describe(*kind, after);
  });
}

Result<json> WorkforceService::ResetProgrammeTemplate(const auth::Principal& caller, int64_t programme_id,
                                                      const std::string& key, const std::string& request_id) {
  const TemplateKind* kind = TRY(KindOf(key));
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, programme_id));
    const json before = TRY(Stored(c, programme_id, key));
    if (before.is_object()) {
      TRY(c.Execute("DELETE FROM wf_message_templates WHERE programme_id = ? AND kind = ?", {programme_id, key}));
      TRY(audit::Append(c, caller.Actor(request_id),
                        {"programme", std::to_string(programme_id), programme["client_id"].get<int64_t>(),
                         "template." + key + ".reset", before, nullptr}));
    }
    return Describe(*kind, nullptr);
  });
}

Result<json> WorkforceService::PreviewProgrammeTemplate(const auth::Principal& caller, int64_t programme_id,
                                                        const std::string& key, const json& input) {
  const TemplateKind* kind = TRY(KindOf(key));
  auto conn = TRY(db_.Acquire());
  TRY(LoadRecord(*conn, ProgrammeTable(), caller, programme_id));
  const TemplateText filled = TRY(PreviewTemplate(*kind, TextOf(input)));
  return json{{"subject", filled.subject}, {"body", filled.body}};
}

Result<TemplateText> WorkforceService::AssignmentTemplate(store::Connection& c, int64_t assignment_id,
                                                          const std::string& key) {
  const TemplateKind* kind = TRY(KindOf(key));
  auto rows = TRY(c.Query("SELECT t.subject, t.body FROM wf_assignments a JOIN wf_message_templates t ON "
                          "t.programme_id = a.programme_id AND t.kind = ? WHERE a.id = ?",
                          {key, assignment_id}));
  if (rows.empty()) return TemplateText{kind->subject, kind->body, false};
  return TemplateText{rows.front().Text(0), rows.front().Text(1), true};
}

Result<TemplateText> WorkforceService::AssignmentTemplate(int64_t assignment_id, const std::string& key) {
  auto conn = TRY(db_.Acquire());
  return AssignmentTemplate(*conn, assignment_id, key);
}

}  // namespace concord::workforce
