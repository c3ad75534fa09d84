// Cases and their timelines: open, change, add messages/notes/calls/chats, merge, macros, survey.
#include <algorithm>

#include "crypto/crypto.h"
#include "mail/outbox.h"
#include "service/case_write.h"
#include "service/desk.h"
#include "service/routing.h"
#include "service/sla_sync.h"

namespace concord::service {
namespace {

// The reply as an outbox message: from the queue's address, threaded into the requester's conversation,
// with the files the agent attached.
Status QueueReply(store::Connection& conn, const audit::Actor& actor, const Case& c, const Entry& e,
                  std::optional<int64_t> author, const std::vector<jobs::File>& uploads) {
  mail::Message m{.to = {e.mail_to},
                  .subject = e.mail_subject,
                  .text = e.body,
                  .from = e.mail_from,
                  .message_id = e.mail_message_id,
                  .in_reply_to = e.mail_in_reply_to,
                  .references = e.mail_references,
                  .purpose = "case_reply",
                  .entity = "case",
                  .entity_id = std::to_string(c.id),
                  .client_id = c.client_id,
                  .created_by = author};
  for (const jobs::File& f : uploads) m.attachments.push_back({f.name, f.content_type, f.content});
  TRY(mail::Enqueue(conn, actor, m));
  return {};
}

Error Invalid(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

// What portal users may set when they open a case; the desk decides the rest.
CaseInput PortalInput(const auth::Principal& caller, CaseInput in) {
  in.queue_id.reset();
  in.assignee_id.reset();
  in.level.reset();
  in.status.reset();
  in.channel = "portal";
  in.requester_name = caller.name;
  in.requester_email = caller.email;
  if (caller.role == auth::Role::kWorker) {
    in.requester_kind = "worker";
    in.requester_worker_id = caller.worker_id;
    in.client_id.reset();
  } else {
    in.requester_kind = "contact";
    in.requester_worker_id.reset();
    if (!in.client_id && caller.client_ids.size() == 1) in.client_id = caller.client_ids.front();
  }
  return in;
}

std::string EntryKindFor(const std::string& input_kind) {
  if (input_kind == "reply") return "message_out";
  if (input_kind == "message") return "message_in";
  return input_kind;
}

}  // namespace

ServiceDesk::ServiceDesk(store::Database& db, Clock now) : db_(db), now_(std::move(now)) {
  if (!now_) now_ = [] { return Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())); };
}

CaseScope ServiceDesk::ScopeOf(const auth::Principal& caller) {
  CaseScope scope;
  if (caller.Internal()) return scope;
  if (caller.role == auth::Role::kWorker) {
    if (caller.worker_id) scope.worker_id = caller.worker_id;
    else scope.none = true;
    return scope;
  }
  scope.client_ids = caller.client_ids;
  return scope;
}

Result<CasePage> ServiceDesk::List(const auth::Principal& caller, const CaseListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListCases(*conn, ScopeOf(caller), query);
}

Result<Case> ServiceDesk::Get(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadCase(*conn, ScopeOf(caller), id);
}

Result<Case> ServiceDesk::Create(const auth::Principal& caller, const CaseInput& input_in,
                                 const std::string& request_id) {
  const CaseInput input = caller.Internal() ? input_in : PortalInput(caller, input_in);
  if (auto errors = ValidateCase(input, true); !errors.empty()) return Invalid(std::move(errors), "The case");
  if (input.client_id && !caller.CanSeeClient(*input.client_id) && caller.role != auth::Role::kWorker)
    return Invalid({{"client_id", "case.client_unknown", "No such client."}}, "The case");
  const Instant now = now_();
  Case saved = TRY(db_.Transact<Case>([&](store::Connection& conn) -> Result<Case> {
    CaseWriter w(conn, caller.Actor(request_id), now);
    Case c;
    Apply(input, c);
    if (!caller.Internal()) c.requester_user_id = caller.user_id;
    if (c.requester_kind == "internal" && c.requester_name.empty()) c.requester_name = caller.name;
    c.survey_token = crypto::RandomToken(16);
    c.created_at = c.updated_at = now.ToString();
    c.id = TRY(InsertCase(conn, c));
    TRY(SaveLinks(conn, c));
    if (input.description && !input.description->empty()) {
      Entry first;
      first.kind = c.requester_kind == "internal" ? "note" : "message_in";
      first.is_public = first.kind == "message_in";
      first.body = *input.description;
      if (caller.Internal() && first.kind == "message_in") first.author_name = c.requester_name;
      else first.author_id = caller.user_id, first.author_name = caller.name;
      TRY(w.AddEntry(c, first));
    }
    TRY(w.ChoosePolicy(c));
    TRY(w.Route(c));
    return w.Finish(c, 1, "create", nullptr);
  }));
  return saved;
}

Result<Case> ServiceDesk::Update(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                 const CaseInput& input, const std::string& request_id) {
  if (auto errors = ValidateCase(input, false); !errors.empty()) return Invalid(std::move(errors), "The case");
  const Instant now = now_();
  return db_.Transact<Case>([&](store::Connection& conn) -> Result<Case> {
    CaseWriter w(conn, caller.Actor(request_id), now);
    const Case before = TRY(LoadCase(conn, ScopeOf(caller), id));
    if (before.version != expected_version) return Error{ErrorKind::kPreconditionFailed, "case.stale",
                                                         "Someone else saved this case since you opened it.", {}};
    Case after = before;
    CaseInput rest = input;
    rest.status.reset();
    Apply(rest, after);
    if (input.status && *input.status != before.status) TRY(w.ChangeStatus(after, *input.status));
    if (after.assignee_id != before.assignee_id) TRY(w.Note(after, "assignment", "Assigned to " + w.UserName(after.assignee_id)));
    if (after.level != before.level) TRY(w.Note(after, "level", "Level " + before.level + " → " + after.level));
    if (after.queue_id != before.queue_id && !input.assignee_id && !input.clear_assignee) {
      after.assignee_id.reset();
      TRY(w.Route(after));
    }
    if (after.client_id != before.client_id || after.category != before.category || after.priority != before.priority)
      TRY(w.ChoosePolicy(after));
    TRY(SaveLinks(conn, after));
    return w.Finish(after, expected_version, "update", CaseAuditJson(before));
  });
}

Result<Entry> ServiceDesk::AddEntry(const auth::Principal& caller, int64_t case_id, const EntryInput& input,
                                    const std::string& request_id) {
  const std::string kind = EntryKindFor(input.kind);
  std::vector<FieldError> errors;
  if (std::find(kEntryKinds.begin(), kEntryKinds.end(), kind) == kEntryKinds.end() ||
      !(kind == "message_out" || kind == "message_in" || kind == "note" || kind == "call" || kind == "chat"))
    errors.push_back({"kind", "field.choice", "Must be reply, message, note, call or chat."});
  else if (!caller.Internal() && kind != "message_in")
    errors.push_back({"kind", "case.portal_message_only", "On the portal you can add messages only."});
  if (input.body.empty() && input.uploads.empty() && kind != "call")
    errors.push_back({"body", "field.required", "Write something."});
  for (size_t i = 0; i < input.uploads.size(); ++i) {
    const std::string field = "attachments." + std::to_string(i);
    if (input.uploads[i].name.empty()) errors.push_back({field, "field.required", "The file needs a name."});
    if (input.uploads[i].content.empty()) errors.push_back({field, "attachment.empty", "The file is empty."});
    if (input.uploads[i].content.size() > kMaxAttachmentBytes)
      errors.push_back({field, "attachment.too_large", "Attachments are at most 10 MB each."});
  }
  if (kind == "call" && !input.duration_s) errors.push_back({"duration_s", "field.required", "How long was the call (seconds)?"});
  if (input.duration_s && *input.duration_s < 0) errors.push_back({"duration_s", "field.range", "Must not be negative."});
  if (input.outcome && std::find(kCallOutcomes.begin(), kCallOutcomes.end(), *input.outcome) == kCallOutcomes.end())
    errors.push_back({"outcome", "field.choice", "Must be resolved, follow_up, transferred, voicemail or no_answer."});
  if (input.set_status && !ParseCaseStatus(*input.set_status).ok())
    errors.push_back({"set_status", "field.choice", "Unknown status."});
  if (!caller.Internal() && input.set_status) errors.push_back({"set_status", "auth.forbidden", "Staff set the status."});
  if (!errors.empty()) return Invalid(std::move(errors), "The entry");
  const Instant now = now_();
  Entry entry = TRY(db_.Transact<Entry>([&](store::Connection& conn) -> Result<Entry> {
    CaseWriter w(conn, caller.Actor(request_id), now);
    Case c = TRY(LoadCase(conn, ScopeOf(caller), case_id));
    const int64_t version = c.version;
    Entry e;
    e.kind = kind;
    e.is_public = kind == "message_in" || kind == "message_out" || kind == "chat" || (kind == "note" && input.is_public);
    e.author_id = caller.user_id;
    e.author_name = caller.name;
    e.body = input.body;
    e.duration_s = input.duration_s;
    e.outcome = input.outcome.value_or("");
    e.mail_message_id = input.mail_message_id;
    e.mail_in_reply_to = input.mail_in_reply_to;
    e.mail_references = input.mail_references;
    e.mail_from = input.mail_from;
    e.mail_to = input.mail_to;
    e.mail_subject = input.mail_subject;
    e.attachments = input.attachments;
    for (jobs::File file : input.uploads) {
      file.created_by = caller.user_id;
      file.client_id = c.client_id;
      const int64_t size = static_cast<int64_t>(file.content.size());
      e.attachments.push_back({file.name, file.content_type, size, TRY(jobs::SaveFile(conn, file))});
    }
    if (kind == "message_out" && !c.requester_email.empty() && e.mail_message_id.empty()) TRY(w.AddressReply(c, e));
    const bool mailed = kind == "message_out" && !e.mail_message_id.empty() && !e.mail_to.empty();
    if (mailed) e.outcome = "queued";
    e.id = TRY(w.AddEntry(c, e));
    // Queued in this transaction: the requester gets the reply exactly when it is recorded, with retries.
    if (mailed) TRY(QueueReply(conn, caller.Actor(request_id), c, e, caller.user_id, input.uploads));
    if (kind == "message_in" && (c.status == "pending_requester" || IsSolved(TRY(ParseCaseStatus(c.status))) ||
                                 c.status == "on_hold")) {
      if (c.status != "closed") TRY(w.ChangeStatus(c, "open"));
    }
    if (input.set_status && *input.set_status != c.status) {
      TRY(w.ChangeStatus(c, *input.set_status));
    } else if ((kind == "message_out" || kind == "call" || kind == "chat") && c.status == "new") {
      TRY(w.ChangeStatus(c, "open"));
    }
    TRY(w.Finish(c, version, "add_" + kind, nullptr, ToJson(e)));
    return e;
  }));
  return entry;
}

Result<std::vector<Entry>> ServiceDesk::Timeline(const auth::Principal& caller, int64_t case_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadCase(*conn, ScopeOf(caller), case_id));
  std::vector<Entry> entries = TRY(ListEntries(*conn, case_id, !caller.Internal()));
  // A reply's outcome is its delivery state in the outbox (queued, sent, held, failed).
  std::vector<std::string> replies;
  for (const Entry& e : entries)
    if (e.kind == "message_out" && !e.mail_message_id.empty()) replies.push_back(e.mail_message_id);
  const auto delivery = TRY(mail::StatusByMessageId(*conn, replies));
  for (Entry& e : entries)
    if (auto found = delivery.find(e.mail_message_id); e.kind == "message_out" && found != delivery.end())
      e.outcome = found->second;
  return entries;
}

Result<jobs::File> ServiceDesk::AttachmentFile(const auth::Principal& caller, int64_t case_id, int64_t file_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadCase(*conn, ScopeOf(caller), case_id));
  for (const Entry& e : TRY(ListEntries(*conn, case_id, !caller.Internal())))
    for (const Attachment& a : e.attachments)
      if (a.file_id == file_id) return jobs::LoadFile(*conn, file_id);
  return Error::NotFound("attachment.not_found", "This case has no such attachment.");
}

Result<nlohmann::json> ServiceDesk::Sla(const auth::Principal& caller, int64_t case_id) {
  auto conn = TRY(db_.Acquire());
  Case c = TRY(LoadCase(*conn, ScopeOf(caller), case_id));
  const std::vector<Entry> entries = TRY(ListEntries(*conn, case_id, false));
  const PolicyMap policies = TRY(LoadSlaPolicies(*conn));
  const SlaReport report = TRY(ComputeSla(HistoryOf(c, entries), policies, now_()));
  return SlaReportJson(report, TRY(ListSlaEvents(*conn, case_id)));
}

Result<Case> ServiceDesk::Merge(const auth::Principal& caller, int64_t duplicate_id, int64_t target_id,
                                const std::string& request_id) {
  if (duplicate_id == target_id)
    return Invalid({{"target_id", "case.merge_self", "A case cannot be merged into itself."}}, "The merge");
  const Instant now = now_();
  return db_.Transact<Case>([&](store::Connection& conn) -> Result<Case> {
    CaseWriter w(conn, caller.Actor(request_id), now);
    const CaseScope scope = ScopeOf(caller);
    Case dup = TRY(LoadCase(conn, scope, duplicate_id));
    Case target = TRY(LoadCase(conn, scope, target_id));
    if (dup.merged_into_id) return Invalid({{"id", "case.already_merged", "This case was already merged."}}, "The merge");
    if (target.merged_into_id)
      return Invalid({{"target_id", "case.target_merged", "The target was itself merged; pick the case it went into."}},
                     "The merge");
    const Case before = dup;
    const int64_t dup_version = dup.version, target_version = target.version;
    TRY(MoveEntries(conn, dup.id, target.id));
    dup.merged_into_id = target.id;
    TRY(w.Note(dup, "merge", "Merged into case #" + std::to_string(target.id)));
    if (dup.status != "closed") TRY(w.ChangeStatus(dup, "closed"));
    TRY(w.Finish(dup, dup_version, "merge", CaseAuditJson(before)));
    for (const std::string& tag : dup.tags)
      if (std::find(target.tags.begin(), target.tags.end(), tag) == target.tags.end()) target.tags.push_back(tag);
    TRY(w.Note(target, "merge", "Case #" + std::to_string(dup.id) + " merged into this one"));
    return w.Finish(target, target_version, "merge_target", nullptr);
  });
}

Result<Entry> ServiceDesk::ApplyMacro(const auth::Principal& caller, int64_t case_id, int64_t macro_id,
                                      const std::string& request_id) {
  Macro macro;
  Case c;
  {
    auto conn = TRY(db_.Acquire());
    macro = TRY(LoadMacro(*conn, macro_id));
    c = TRY(LoadCase(*conn, ScopeOf(caller), case_id));
  }
  EntryInput reply;
  reply.kind = "reply";
  reply.body = TRY(FillMacro(macro.body, c, caller.name));
  reply.set_status = macro.set_status;
  Entry entry = TRY(AddEntry(caller, case_id, reply, request_id));
  if (macro.set_priority || !macro.add_tags.empty()) {
    const Case now = TRY(Get(caller, case_id));
    CaseInput change;
    change.priority = macro.set_priority;
    std::vector<std::string> tags = now.tags;
    tags.insert(tags.end(), macro.add_tags.begin(), macro.add_tags.end());
    change.tags = tags;
    TRY(Update(caller, case_id, now.version, change, request_id));
  }
  return entry;
}

Result<Case> ServiceDesk::AnswerSurvey(const std::string& token, int64_t rating, const std::string& comment,
                                       const std::string& request_id) {
  if (rating < 1 || rating > 5) return Invalid({{"rating", "field.range", "Rate from 1 to 5."}}, "The survey");
  const Instant now = now_();
  return db_.Transact<Case>([&](store::Connection& conn) -> Result<Case> {
    auto row = TRY(conn.QueryOne("SELECT id FROM cases WHERE survey_token = ?", {token}, "survey.not_found"));
    Case c = TRY(LoadCase(conn, CaseScope{}, row.Int(0)));
    if (!IsSolved(TRY(ParseCaseStatus(c.status))))
      return Error::Conflict("survey.not_solved", "The survey opens when the case is solved.");
    const Case before = c;
    c.satisfaction = rating;
    c.satisfaction_comment = comment;
    CaseWriter w(conn, audit::Actor{std::nullopt, c.requester_name, request_id}, now);
    TRY(w.Note(c, "survey", "Satisfaction " + std::to_string(rating) + "/5" + (comment.empty() ? "" : ": " + comment)));
    return w.Finish(c, c.version, "survey", CaseAuditJson(before));
  });
}

}  // namespace concord::service
