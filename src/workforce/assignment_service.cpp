// Assignments: the life cycle (assignment.h's table), onboarding checklists and documents, contractor
// classification, extensions and revisions, ends with the final-pay deadline (WorkforceService).
#include "audit/audit.h"
#include "crypto/crypto.h"
#include "store/time.h"
#include "workforce/assignment.h"
#include "workforce/checklist_json.h"
#include "workforce/classification.h"
#include "workforce/final_pay.h"
#include "workforce/holidays.h"
#include "workforce/onboarding.h"
#include "workforce/service.h"
#include "workforce/worker_messages.h"

namespace concord::workforce {
namespace {

Error Stale() {
  return {ErrorKind::kPreconditionFailed, "assignment.stale",
          "Someone else saved this assignment since you opened it. Reload to see their changes.", {}};
}

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<Date> DateField(const json& body, const std::string& field) {
  const std::string text = Text(body, field);
  auto date = Date::Parse(text);
  if (!date.ok()) {
    return Error::Invalid("request.invalid", "Enter " + field + " as YYYY-MM-DD.",
                          {{field, "field.date", "'" + text + "' is not a date (YYYY-MM-DD)."}});
  }
  return *date;
}

std::optional<Date> OptDate(const json& record, const std::string& field) {
  auto date = Date::Parse(Text(record, field));
  return date.ok() ? std::optional<Date>(*date) : std::nullopt;
}

// The offboarding checklist (issue 4 "Ends"): all four must be done before offboarding.
json OffboardingChecklist() {
  json items = json::array();
  for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{
           {"final_timecard", "Final timecard submitted and approved"},
           {"equipment", "Equipment returned"},
           {"access", "System and building access removed"},
           {"vms_end", "Assignment ended in the VMS"}}) {
    items.push_back({{"id", id}, {"title", title}, {"citation", "Programme offboarding"}, {"required", true},
                     {"due", nullptr}, {"done", false}, {"waived", false}, {"note", ""}});
  }
  return {{"template_version", "2026-11-22"}, {"items", items}};
}

std::vector<std::string> OpenTitles(const json& list) {
  std::vector<std::string> out;
  for (const auto& item : MissingForActivation(ChecklistFromJson(list))) out.push_back(item.title);
  return out;
}

// What an extension or revision changed, for the classification re-check rule.
AssignmentChange ChangeOf(const json& before, const json& after, bool extension) {
  AssignmentChange change;
  change.worker_type = WorkerTypeOf(before);
  change.extension = extension;
  change.start_date = OptDate(before, "start_date").value_or(Date{});
  change.end_before = OptDate(before, "end_date");
  change.end_after = OptDate(after, "end_date");
  change.rates_changed = Text(before, "pay_rate") != Text(after, "pay_rate") ||
                         Text(before, "bill_rate") != Text(after, "bill_rate");
  change.title_changed = Text(before, "title") != Text(after, "title");
  change.manager_changed = Text(before, "manager_name") != Text(after, "manager_name");
  return change;
}

// Rates are effective-dated: a list of {effective_from, pay_rate, bill_rate}, in date order; the
// assignment's pay_rate/bill_rate members are the latest entry (what the VMS work order shows).
void SetRates(json& assignment, const std::string& from, const std::string& pay, const std::string& bill) {
  json rates = assignment["rates"].is_array() ? assignment["rates"] : json::array();
  json kept = json::array();
  for (const auto& r : rates) {
    if (r.value("effective_from", "") < from) kept.push_back(r);
  }
  kept.push_back({{"effective_from", from}, {"pay_rate", pay}, {"bill_rate", bill}});
  assignment["rates"] = kept;
  assignment["pay_rate"] = pay;
  assignment["bill_rate"] = bill;
}

Result<std::string> MoneyField(const json& body, const std::string& field, const std::string& fallback) {
  const std::string text = Text(body, field);
  if (text.empty()) return fallback;
  auto money = NormaliseMoney(text);
  if (!money.ok()) {
    return Error::Invalid("request.invalid", "Check " + field + ".",
                          {{field, "field.money", "'" + text + "' is not an amount like 52.50."}});
  }
  return *money;
}


}  // namespace

Status WorkforceService::AddRevision(store::Connection& c, const auth::Principal& caller, const json& assignment,
                                     const std::string& action, const std::string& effective_date) {
  TRY(c.Execute(
          "INSERT INTO wf_assignment_revisions (assignment_id, revision, action, effective_date, snapshot, "
          "actor_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {assignment["id"].get<int64_t>(), assignment["version"].get<int64_t>(), action,
           effective_date.empty() ? store::Null() : store::Value(effective_date), assignment.dump(), caller.name,
           store::NowText()}));
  return {};
}

Result<json> WorkforceService::InsertAssignment(store::Connection& c, const auth::Principal& caller, json assignment,
                                                const std::string& request_id) {
  assignment["status"] = "requested";
  assignment["vms_update_pending"] = false;
  if (Text(assignment, "currency").empty()) assignment["currency"] = "USD";
  if (Text(assignment, "work_country").empty()) assignment["work_country"] = "US";
  SetRates(assignment, Text(assignment, "start_date"), Text(assignment, "pay_rate"), Text(assignment, "bill_rate"));
  json saved = TRY(Insert(c, AssignmentTable(), caller, assignment, request_id));
  TRY(AddRevision(c, caller, saved, "create", Text(saved, "start_date")));
  return saved;
}

Result<json> WorkforceService::CreateAssignment(const auth::Principal& caller, const json& input,
                                                const std::string& request_id) {
  if (auto errors = ValidateInput(AssignmentInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The assignment");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json programme = TRY(LoadRecord(c, ProgrammeTable(), caller, input["programme_id"].get<int64_t>()));
    const json worker = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), input["worker_id"].get<int64_t>()));
    json assignment = {{"client_id", programme["client_id"]}, {"worker_type", worker["worker_type"]}};
    ApplyInput(AssignmentInput(), input, assignment);
    if (!Text(assignment, "end_date").empty() && Text(assignment, "end_date") < Text(assignment, "start_date")) {
      return InvalidInput({{"end_date", "assignment.end_before_start", "The end date is before the start date."}},
                          "The assignment");
    }
    return InsertAssignment(c, caller, assignment, request_id);
  });
}

Result<json> WorkforceService::ApplyEvent(const auth::Principal& caller, int64_t id, int64_t version,
                                          const json& body, const std::string& request_id) {
  const AssignmentEvent event = TRY(ParseAssignmentEvent(Text(body, "event")));
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, AssignmentTable(), caller, id));
    if (before["version"].get<int64_t>() != version) return Stale();
    const AssignmentStatus from = TRY(ParseAssignmentStatus(Text(before, "status")));
    const json worker = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), before["worker_id"].get<int64_t>()));
    json after = before;
    std::string effective;     // the revision's effective date
    std::string message_kind;  // the template of the message to the worker, on their timeline
    TemplateValues message_extra;
    std::optional<json> message_record;  // the assignment the message speaks of (after the event unless set)
    TransitionContext context;
    switch (event) {
      case AssignmentEvent::kStartOnboarding: {
        const json programme =
            TRY(LoadRecord(c, ProgrammeTable(), SystemPrincipal(), before["programme_id"].get<int64_t>()));
        auto latest = TRY(c.Query(
            "SELECT approval_required, status FROM wf_determinations WHERE assignment_id = ? ORDER BY id DESC LIMIT 1",
            {id}));
        OnboardingProfile profile{WorkerTypeOf(before), Text(before, "work_country"), Text(before, "work_state"),
                                  TRY(DateField(before, "start_date")),
                                  programme.value("background_check_required", false),
                                  !latest.empty() && latest.front().Int(0) != 0};
        Checklist checklist = TRY(GenerateChecklist(profile, FederalBusinessCalendar(profile.start_date.year())));
        if (!latest.empty()) {
          (void)checklist.MarkDone("classification_determination");
          if (latest.front().Text(1) == "approved") (void)checklist.MarkDone("classification_approval");
        }
        after["checklist"] = ChecklistJson(checklist);
        break;
      }
      case AssignmentEvent::kCompleteOnboarding:
      case AssignmentEvent::kActivate:
        context.missing_onboarding = OpenTitles(before["checklist"]);
        break;
      case AssignmentEvent::kExtend:
        context.current_end_date = OptDate(before, "end_date");
        context.new_end_date = OptDate(body, "new_end_date");
        break;
      case AssignmentEvent::kRevise:
        context.effective_date = OptDate(body, "effective_date");
        break;
      case AssignmentEvent::kGiveNotice:
        if (!Text(body, "end_reason").empty()) {
          for (EndReason r : {EndReason::kCompleted, EndReason::kClientEnded, EndReason::kResigned,
                              EndReason::kTerminated}) {
            if (ToString(r) == Text(body, "end_reason")) context.end_reason = r;
          }
          if (!context.end_reason) {
            return InvalidInput({{"end_reason", "field.choice",
                                  "Must be one of completed, client_ended, resigned, terminated."}},
                                "The notice");
          }
        }
        break;
      case AssignmentEvent::kEnd:
        context.last_day_worked = OptDate(body, "last_day_worked");
        break;
      case AssignmentEvent::kOffboard:
        context.missing_offboarding = OpenTitles(before["offboarding"]);
        break;
      case AssignmentEvent::kCancel:
        context.cancel_reason = Text(body, "reason");
        break;
    }
    const AssignmentStatus to = TRY(Transition(from, event, context));
    after["status"] = std::string(ToString(to));

    switch (event) {
      case AssignmentEvent::kActivate:
        after["first_day_details"] = Text(body, "first_day_details");
        message_kind = "activation";
        message_record = before;
        message_extra = {{"first_day_details", Text(body, "first_day_details")}};
        effective = Text(before, "start_date");
        break;
      case AssignmentEvent::kExtend: {
        after["end_date"] = context.new_end_date->ToString();
        effective = Text(body, "effective_date").empty() ? Text(before, "end_date") : Text(body, "effective_date");
        const std::string pay = TRY(MoneyField(body, "pay_rate", Text(before, "pay_rate")));
        const std::string bill = TRY(MoneyField(body, "bill_rate", Text(before, "bill_rate")));
        if (pay != Text(before, "pay_rate") || bill != Text(before, "bill_rate")) {
          if (Text(body, "effective_date").empty()) {
            return InvalidInput({{"effective_date", "field.required", "New rates need the date they take effect."}},
                                "The extension");
          }
          SetRates(after, effective, pay, bill);
        }
        after["vms_update_pending"] = true;
        message_kind = "extension";
        message_extra = {
            {"rate_note", pay != Text(before, "pay_rate") ? " From " + effective + " your pay rate is " + pay + "." : ""}};
        break;
      }
      case AssignmentEvent::kRevise: {
        effective = context.effective_date->ToString();
        const std::string pay = TRY(MoneyField(body, "pay_rate", Text(before, "pay_rate")));
        const std::string bill = TRY(MoneyField(body, "bill_rate", Text(before, "bill_rate")));
        if (pay != Text(before, "pay_rate") || bill != Text(before, "bill_rate")) SetRates(after, effective, pay, bill);
        for (const char* field : {"title", "manager_name", "manager_email", "location", "cost_centre"}) {
          if (!Text(body, field).empty()) after[field] = Text(body, field);
        }
        after["vms_update_pending"] = true;
        message_kind = "revision";
        message_extra = {{"effective_date", effective}};
        break;
      }
      case AssignmentEvent::kGiveNotice:
        after["end_reason"] = std::string(ToString(*context.end_reason));
        if (body.contains("notice_hours") && body["notice_hours"].is_number_integer()) {
          after["notice_hours"] = body["notice_hours"];
        }
        if (!Text(body, "end_date").empty()) {
          const Date end = TRY(DateField(body, "end_date"));
          after["end_date"] = end.ToString();
          after["vms_update_pending"] = true;
        }
        effective = Text(after, "end_date");
        break;
      case AssignmentEvent::kEnd: {
        const Date last = *context.last_day_worked;
        after["last_day_worked"] = last.ToString();
        after["end_date"] = last.ToString();
        after["offboarding"] = OffboardingChecklist();
        effective = last.ToString();
        if (WorkerTypeOf(before) == WorkerType::kW2Employee && Text(before, "work_country") == "US") {
          SeparationFacts facts;
          facts.state = Text(before, "work_state");
          facts.kind = Text(after, "end_reason") == "resigned" ? SeparationKind::kResignation
                                                               : SeparationKind::kInvoluntary;
          facts.last_day_worked = last;
          if (after["notice_hours"].is_number_integer()) facts.notice_hours = after["notice_hours"].get<int>();
          // Weekly payroll, Monday–Sunday weeks paid on the Friday after the week (the EOR's schedule);
          // a request may name other paydays.
          const int to_sunday = (7 - static_cast<int>(last.weekday().iso_encoding())) % 7;
          const Date week_end = last.AddDays(to_sunday);
          int to_friday = (5 - static_cast<int>(last.weekday().iso_encoding()) + 7) % 7;
          if (to_friday == 0) to_friday = 7;
          facts.next_regular_payday =
              Text(body, "next_regular_payday").empty() ? last.AddDays(to_friday) : TRY(DateField(body, "next_regular_payday"));
          facts.payday_for_final_period = Text(body, "payday_for_final_period").empty()
                                              ? week_end.AddDays(5)
                                              : TRY(DateField(body, "payday_for_final_period"));
          const FinalPayDeadline due = TRY(FinalPayDue(facts, FederalBusinessCalendar(last.year())));
          after["final_pay"] = {{"applies", true},
                                {"due_date", due.due_date.ToString()},
                                {"rule", due.rule_text},
                                {"citation", due.citation},
                                {"statutory", due.statutory},
                                {"separation", facts.kind == SeparationKind::kResignation ? "resignation" : "involuntary"},
                                {"table_version", due.table_version}};
        } else {
          after["final_pay"] = {{"applies", false},
                                {"rule", "Contractors are paid under their contract; state final-pay statutes cover "
                                         "employees' wages."}};
        }
        after["vms_update_pending"] = true;
        break;
      }
      case AssignmentEvent::kCancel:
        after["cancel_reason"] = context.cancel_reason;
        break;
      default:
        break;
    }
    if (event == AssignmentEvent::kExtend || event == AssignmentEvent::kRevise) {
      const bool extension = event == AssignmentEvent::kExtend;
      TRY(OpenRecheck(c, caller, before, after, ClassificationRecheck(ChangeOf(before, after, extension)), request_id));
    }
    json saved = TRY(Save(c, AssignmentTable(), caller, before, after, version, std::string(ToString(event)),
                          request_id));
    TRY(AddRevision(c, caller, saved, std::string(ToString(event)), effective));
    if (!message_kind.empty()) {
      TRY(MessageWorker(c, caller, saved, message_record ? *message_record : after, worker, message_kind,
                        message_extra, request_id));
    }
    if (event == AssignmentEvent::kEnd) TRY(SendSeparationLetter(c, caller, saved, worker, request_id));
    return saved;
  });
}

Status WorkforceService::MessageWorker(store::Connection& c, const auth::Principal& caller, const json& assignment,
                                       const json& record, const json& worker, const std::string& kind,
                                       const TemplateValues& extra, const std::string& request_id) {
  // The programme's wording (or the default); a stored template was checked when saved.
  const TemplateText text = TRY(AssignmentTemplate(c, assignment["id"].get<int64_t>(), kind));
  json entry = {{"client_id", assignment["client_id"]}, {"worker_id", assignment["worker_id"]},
                {"assignment_id", assignment["id"]},    {"kind", "message"},
                {"direction", "outbound"},              {"subject", TRY(WorkerMessage(text.subject, record, worker, extra))},
                {"body", TRY(WorkerMessage(text.body, record, worker, extra))},
                {"author_name", caller.name},           {"occurred_at", store::NowText()}};
  const json recorded = TRY(Insert(c, TimelineTable(), caller, entry, request_id));
  TRY(MailEntry(c, caller, recorded, Text(worker, "email"), "worker_message", {}, request_id));
  return {};
}

Result<json> WorkforceService::SetChecklistItem(const auth::Principal& caller, int64_t id, int64_t version,
                                                const std::string& list, const std::string& item_id,
                                                const std::string& action, const std::string& note,
                                                const std::string& request_id) {
  if (list != "checklist" && list != "offboarding") {
    return Error::NotFound("checklist.not_found", "No checklist '" + list + "'.");
  }
  if (action != "done" && action != "waive" && action != "reopen") {
    return Error::BadRequest("checklist.bad_action", "Action must be done, waive or reopen.");
  }
  if (action == "waive" && note.empty()) {
    return InvalidInput({{"note", "field.required", "Say why the item is waived."}}, "The checklist item");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, AssignmentTable(), caller, id));
    if (before["version"].get<int64_t>() != version) return Stale();
    json after = before;
    json* item = FindChecklistItem(after[list], item_id);
    if (!item) return Error::NotFound("checklist.item_not_found", "No item '" + item_id + "' on this checklist.");
    if (item_id == "classification_approval" && action == "done") {
      return Error::Conflict("checklist.approval_needed", "An approver approves the classification determination.");
    }
    (*item)["done"] = action == "done";
    (*item)["waived"] = action == "waive";
    (*item)["note"] = note;
    return Save(c, AssignmentTable(), caller, before, after, version, list + "." + action + "." + item_id, request_id);
  });
}

Result<json> WorkforceService::AddDocument(const auth::Principal& caller, int64_t assignment_id,
                                           const std::string& item_id, const std::string& file_name,
                                           const std::string& content_type, std::string bytes,
                                           const std::string& request_id) {
  if (bytes.empty()) return InvalidInput({{"body", "file.empty", "The file is empty."}}, "The document");
  if (file_name.empty()) return InvalidInput({{"file_name", "field.required", "Name the file."}}, "The document");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, AssignmentTable(), caller, assignment_id));
    json after = before;
    json* item = nullptr;
    if (!item_id.empty()) {
      item = FindChecklistItem(after["checklist"], item_id);
      if (!item) item = FindChecklistItem(after["offboarding"], item_id);
      if (!item || item_id == "classification_approval" || item_id == "classification_determination") {
        return InvalidInput({{"item_id", "document.item_unknown", "No checklist item '" + item_id +
                                                                      "' takes a document on this assignment."}},
                            "The document");
      }
    }
    const std::string sha = crypto::Sha256Hex(bytes);
    const int64_t file_id =
        TRY(jobs::SaveFile(c, {0, file_name, content_type.empty() ? "application/octet-stream" : content_type,
                               std::move(bytes), caller.user_id, before["client_id"].get<int64_t>()}));
    const auto file = TRY(jobs::LoadFile(c, file_id));
    json document = {{"client_id", before["client_id"]}, {"assignment_id", assignment_id},
                     {"worker_id", before["worker_id"]}, {"file_id", file_id},
                     {"size", static_cast<int64_t>(file.content.size())}, {"item_id", item_id},
                     {"file_name", file_name},           {"content_type", file.content_type},
                     {"sha256", sha},                    {"uploaded_by", caller.name}};
    json saved = TRY(Insert(c, DocumentTable(), caller, document, request_id));
    if (item && !(*item)["done"].get<bool>()) {
      (*item)["done"] = true;
      (*item)["note"] = "Document " + file_name;
      TRY(Save(c, AssignmentTable(), caller, before, after, before["version"].get<int64_t>(),
               "document." + item_id, request_id));
    }
    return saved;
  });
}

Result<jobs::File> WorkforceService::DocumentFile(const auth::Principal& caller, int64_t document_id) {
  auto conn = TRY(db_.Acquire());
  const json document = TRY(LoadRecord(*conn, DocumentTable(), caller, document_id));
  return jobs::LoadFile(*conn, document["file_id"].get<int64_t>());
}

Result<json> WorkforceService::Classify(const auth::Principal& caller, int64_t assignment_id, const json& body,
                                        const std::string& request_id) {
  if (!body.contains("answers") || !body["answers"].is_object()) {
    return InvalidInput({{"answers", "field.required", "Give the answers: {question id: true/false}."}},
                        "The questionnaire");
  }
  Answers answers;
  std::vector<FieldError> errors;
  for (const auto& [question, value] : body["answers"].items()) {
    if (!value.is_boolean()) {
      errors.push_back({"answers/" + question, "field.type", "Answer yes (true) or no (false)."});
      continue;
    }
    answers[question] = value.get<bool>();
  }
  if (!errors.empty()) return InvalidInput(std::move(errors), "The questionnaire");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, AssignmentTable(), caller, assignment_id));
    if (WorkerTypeOf(before) == WorkerType::kW2Employee) {
      return Error::Conflict("classification.employee", "This assignment is a W-2 employment; nothing to classify.");
    }
    const json worker = TRY(LoadRecord(c, WorkerTable(), SystemPrincipal(), before["worker_id"].get<int64_t>()));
    Engagement engagement{{Text(before, "work_country"), Text(before, "work_state")},
                          {Text(worker, "home_country"), Text(worker, "home_state")},
                          {}};
    for (const auto& place : body.value("other_work", json::array())) {
      engagement.other_work.push_back({place.value("country", ""), place.value("region", "")});
    }
    const ClassificationResult result = TRY(workforce::Classify(CurrentQuestionnaire(), answers, engagement));
    json reasons = json::array();
    for (const auto& r : result.reasons) {
      reasons.push_back({{"framework", ToString(r.framework)}, {"question_id", r.question_id}, {"text", r.text},
                         {"citation", r.citation}});
    }
    json frameworks = json::array();
    for (const auto& f : result.frameworks) {
      frameworks.push_back({{"framework", ToString(f.framework)}, {"risk", ToString(f.risk)}, {"summary", f.summary}});
    }
    json jurisdictions = json::array();
    for (const auto& j : result.jurisdictions) jurisdictions.push_back(j.ToString());
    json determination = {
        {"client_id", before["client_id"]},
        {"assignment_id", assignment_id},
        {"worker_id", before["worker_id"]},
        {"answers", body["answers"]},
        {"result",
         {{"frameworks", frameworks}, {"reasons", reasons}, {"unanswered", result.unanswered},
          {"jurisdictions", jurisdictions}, {"escalation_required", result.escalation_required},
          {"escalation_reasons", result.escalation_reasons}}},
        {"approval_required", result.approval_required},
        {"questionnaire_version", result.questionnaire_version},
        {"risk", std::string(ToString(result.risk))},
        {"status", result.approval_required ? "pending_approval" : "final"}};
    json saved = TRY(Insert(c, DeterminationTable(), caller, determination, request_id));
    json after = before;
    // A final determination answers an open re-check; one awaiting approval answers it when approved.
    if (!result.approval_required) TRY(CloseRecheck(c, caller, after, saved, request_id));
    // The onboarding checklist learns of it: the determination is done; an approval may be needed.
    if (before["checklist"].is_object()) {
      if (json* item = FindChecklistItem(after["checklist"], "classification_determination")) (*item)["done"] = true;
      if (result.approval_required && !FindChecklistItem(after["checklist"], "classification_approval")) {
        after["checklist"]["items"].push_back({{"id", "classification_approval"},
                                               {"title", "Classification approved by an approver (escalated)"},
                                               {"citation", "Escalation: high risk or several jurisdictions"},
                                               {"required", true}, {"due", nullptr}, {"done", false},
                                               {"waived", false}, {"note", ""}});
      }
    }
    if (after != before) {
      TRY(Save(c, AssignmentTable(), caller, before, after, before["version"].get<int64_t>(), "classification",
               request_id));
    }
    return saved;
  });
}

Result<json> WorkforceService::ApproveDetermination(const auth::Principal& caller, int64_t id, int64_t version,
                                                    const std::string& note, const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, DeterminationTable(), caller, id));
    if (before["status"] != "pending_approval") {
      return Error::Conflict("determination.not_pending", "This determination does not wait for an approval.");
    }
    json after = before;
    after["status"] = "approved";
    after["approver_name"] = caller.name;
    after["approved_at"] = store::NowText();
    after["approval_note"] = note;
    json saved = TRY(Save(c, DeterminationTable(), caller, before, after, version, "approve", request_id));
    const json a_before =
        TRY(LoadRecord(c, AssignmentTable(), SystemPrincipal(), before["assignment_id"].get<int64_t>()));
    json a_after = a_before;
    if (json* item = FindChecklistItem(a_after["checklist"], "classification_approval")) {
      (*item)["done"] = true;
      (*item)["note"] = "Approved by " + caller.name;
    }
    TRY(CloseRecheck(c, caller, a_after, saved, request_id));
    if (a_after != a_before) {
      TRY(Save(c, AssignmentTable(), caller, a_before, a_after, a_before["version"].get<int64_t>(),
               "classification_approved", request_id));
    }
    return saved;
  });
}

Result<std::vector<json>> WorkforceService::Revisions(const auth::Principal& caller, int64_t assignment_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadRecord(*conn, AssignmentTable(), caller, assignment_id));
  std::vector<json> out;
  for (const auto& row : TRY(conn->Query("SELECT revision, action, effective_date, snapshot, actor_name, at FROM "
                                            "wf_assignment_revisions WHERE assignment_id = ? ORDER BY revision",
                                            {assignment_id}))) {
    out.push_back({{"revision", row.Int(0)},
                   {"action", row.Text(1)},
                   {"effective_date", row.OptText(2) ? json(*row.OptText(2)) : json(nullptr)},
                   {"snapshot", Public(AssignmentTable(), json::parse(row.Text(3), nullptr, false))},
                   {"actor_name", row.Text(4)},
                   {"at", row.Text(5)}});
  }
  return out;
}

}  // namespace concord::workforce
