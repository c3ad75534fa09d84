#include "workforce/payroll_tickets.h"

#include "store/time.h"
#include "workforce/audited_records.h"
#include "workforce/comms_records.h"
#include "workforce/payroll_ticket.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

// The pay period must not end before it starts.
std::vector<FieldError> PeriodErrors(const json& ticket) {
  const std::string from = Text(ticket, "pay_period_start"), to = Text(ticket, "pay_period_end");
  if (!from.empty() && !to.empty() && to < from) {
    return {{"pay_period_end", "payroll_ticket.period", "The pay period ends before it starts."}};
  }
  return {};
}

// "Payroll ticket #7 (missing pay, period 2026-11-02 – 2026-11-08, 412.50 USD)".
std::string Describe(const json& t) {
  std::string out = "Payroll ticket #" + std::to_string(t["id"].get<int64_t>()) + " (" + Text(t, "kind");
  for (auto& ch : out) ch = ch == '_' ? ' ' : ch;
  if (!Text(t, "pay_period_start").empty()) {
    out += ", period " + Text(t, "pay_period_start") + " – " + Text(t, "pay_period_end");
  }
  if (!Text(t, "amount").empty()) out += ", " + Text(t, "amount") + " " + Text(t, "currency");
  return out + ")";
}

// The step on the worker's timeline, as an internal note tied to the ticket's assignment.
Status NoteStep(store::Connection& c, const auth::Principal& caller, const json& ticket, const std::string& step,
                const std::string& detail, const std::string& request_id) {
  std::string body = Describe(ticket) + ": " + step + ".";
  if (!detail.empty()) body += "\n" + detail;
  if (!Text(ticket, "due_date").empty() && ticket["status"] != "resolved") {
    body += "\nNext follow-up: " + Text(ticket, "due_date") + ".";
  }
  TRY(AppendTimeline(c, caller,
                     {{"worker_id", ticket["worker_id"]},
                      {"client_id", ticket["client_id"]},
                      {"assignment_id", ticket["assignment_id"]},
                      {"kind", "note"},
                      {"subject", "Payroll ticket #" + std::to_string(ticket["id"].get<int64_t>()) + ": " +
                                      Text(ticket, "subject") + " — " + step},
                      {"body", body}},
                     request_id));
  return {};
}

}  // namespace

Result<json> PayrollTickets::Open(const auth::Principal& caller, int64_t worker_id, const json& input, Date today,
                                  const std::string& request_id) {
  auto errors = ValidateInput(PayrollTicketInput(), input, true);
  if (errors.empty()) errors = PeriodErrors(input);
  if (!errors.empty()) return InvalidInput(std::move(errors), "The payroll ticket");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    TRY(LoadRecord(c, WorkerTable(), caller, worker_id));  // 404 outside the caller's scope
    json ticket = {{"worker_id", worker_id}, {"status", "open"}, {"currency", "USD"}, {"opened_by", caller.name}};
    ApplyInput(PayrollTicketInput(), input, ticket);
    std::optional<json> assignment;
    if (ticket.contains("assignment_id")) {
      assignment = TRY(LoadRecord(c, AssignmentTable(), caller, ticket["assignment_id"].get<int64_t>()));
      if ((*assignment)["worker_id"] != worker_id) {
        return InvalidInput({{"assignment_id", "payroll_ticket.assignment_mismatch", "Not this worker's assignment."}},
                            "The payroll ticket");
      }
    } else {
      assignment = TRY(LatestAssignment(c, caller, worker_id));
    }
    if (assignment) {
      ticket["assignment_id"] = (*assignment)["id"];
      ticket["client_id"] = (*assignment)["client_id"];
    }
    if (Text(ticket, "due_date").empty()) {
      ticket["due_date"] = DefaultPayrollDueDate(ticket["kind"].get<std::string>(), today).ToString();
    }
    const json saved = TRY(InsertAudited(c, PayrollTicketTable(), caller, ticket, request_id));
    TRY(NoteStep(c, caller, saved, "opened", Text(saved, "research_notes"), request_id));
    return saved;
  });
}

Result<json> PayrollTickets::Update(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                                    const std::string& request_id) {
  if (auto errors = ValidateInput(PayrollTicketUpdateInput(), input, false); !errors.empty()) {
    return InvalidInput(std::move(errors), "The payroll ticket");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, PayrollTicketTable(), caller, id));
    json after = before;
    ApplyInput(PayrollTicketUpdateInput(), input, after);
    if (auto errors = PeriodErrors(after); !errors.empty()) return InvalidInput(std::move(errors), "The payroll ticket");
    return SaveAudited(c, PayrollTicketTable(), caller, before, after, version, "update", request_id);
  });
}

Result<json> PayrollTickets::Act(const auth::Principal& caller, int64_t id, int64_t version, const std::string& action,
                                 const json& body, Date today, const std::string& request_id) {
  static const InputSpec kBody{{"note", FieldKind::kLongText},
                               {"resolution", FieldKind::kLongText},
                               {"payroll_reference", FieldKind::kText},
                               {"due_date", FieldKind::kDate}};
  auto errors = ValidateInput(kBody, body, false);
  if (action == "resolve" && Text(body, "resolution").empty()) {
    errors.push_back({"resolution", "field.required", "Say how the ticket was resolved."});
  }
  if (action == "reopen" && Text(body, "note").empty()) {
    errors.push_back({"note", "field.required", "Say why the ticket is reopened."});
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, PayrollTicketTable(), caller, id));
    const std::string next = TRY(PayrollTicketTransition(Text(before, "status"), action));
    if (!errors.empty()) return InvalidInput(std::move(errors), "The ticket step");
    json after = before;
    after["status"] = next;
    if (!Text(body, "payroll_reference").empty()) after["payroll_reference"] = body["payroll_reference"];
    if (action == "send_to_payroll") after["sent_to_payroll_at"] = store::NowText();
    if (action == "resolve") {
      after["resolution"] = body["resolution"];
      after["resolved_by"] = caller.name;
      after["resolved_at"] = store::NowText();
    } else {
      after["resolution"] = after["resolved_by"] = after["resolved_at"] = nullptr;
      after["due_date"] = Text(body, "due_date").empty()
                              ? DefaultPayrollDueDate(Text(before, "kind"), today).ToString()
                              : body["due_date"].get<std::string>();
    }
    const json saved = TRY(SaveAudited(c, PayrollTicketTable(), caller, before, after, version, action, request_id));
    std::string detail = Text(body, "note");
    if (action == "resolve") detail = "Resolution: " + Text(body, "resolution") + (detail.empty() ? "" : "\n" + detail);
    if (!Text(body, "payroll_reference").empty()) detail += (detail.empty() ? "" : "\n") + std::string("Payroll reference: ") + Text(body, "payroll_reference");
    TRY(NoteStep(c, caller, saved, PayrollActionText(action), detail, request_id));
    return saved;
  });
}

Result<json> PayrollTickets::Home(const auth::Principal& caller, Date today) {
  auto conn = TRY(db_.Acquire());
  ListRequest unresolved;
  unresolved.where = " AND t.status <> 'resolved'";
  unresolved.sort = "due_date";
  json by_status = json::object();
  for (const auto& status : kPayrollTicketStatuses) {
    if (status != "resolved") by_status[status] = 0;
  }
  int64_t open = 0, due = 0;
  json items = json::array();
  for (const auto& t : TRY(AllRecords(*conn, PayrollTicketTable(), caller, unresolved))) {
    by_status[Text(t, "status")] = by_status[Text(t, "status")].get<int64_t>() + 1;
    ++open;
    std::optional<Date> due_date;
    if (auto d = Date::Parse(Text(t, "due_date")); d.ok()) due_date = *d;
    if (!PayrollFollowUpDue(Text(t, "status"), due_date, today)) continue;
    if (++due <= 10) items.push_back(Public(PayrollTicketTable(), t));
  }
  return json{{"payroll_tickets", {{"count", open}, {"by_status", by_status}}},
              {"payroll_followups", {{"count", due}, {"items", items}}}};
}

}  // namespace concord::workforce
