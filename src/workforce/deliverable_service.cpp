// SOW deliverables of a contractor's engagement (deliverable.h): added by the coordinator, submitted by the
// contractor or the coordinator, accepted or rejected by the client's user; each step audited and noted on
// the worker's timeline.
#include "store/time.h"
#include "workforce/checklist_json.h"
#include "workforce/deliverable.h"
#include "workforce/deliverable_records.h"
#include "workforce/service.h"

namespace concord::workforce {
namespace {

std::string Text(const json& record, const std::string& field) {
  const auto it = record.find(field);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

const std::map<std::string, std::string> kVerb = {
    {"create", "added"}, {"submit", "submitted"}, {"accept", "accepted"}, {"reject", "rejected"}};

}  // namespace

Status WorkforceService::NoteDeliverable(store::Connection& c, const auth::Principal& caller, const json& deliverable,
                                         const std::string& action, const std::string& request_id) {
  std::string body = "\"" + Text(deliverable, "title") + "\", due " + Text(deliverable, "due_date");
  if (!Text(deliverable, "amount").empty()) body += ", milestone " + Text(deliverable, "amount") + " " + Text(deliverable, "currency");
  if (action == "reject") body += ". Reason: " + Text(deliverable, "reject_reason");
  TRY(Insert(c, TimelineTable(), caller,
             {{"client_id", deliverable["client_id"]}, {"worker_id", deliverable["worker_id"]},
              {"assignment_id", deliverable["assignment_id"]}, {"kind", "note"}, {"direction", "internal"},
              {"subject", "Deliverable " + kVerb.at(action) + ": " + Text(deliverable, "title")},
              {"body", body + "."}, {"author_name", caller.name}, {"occurred_at", store::NowText()}},
             request_id));
  return {};
}

Result<json> WorkforceService::CreateDeliverable(const auth::Principal& caller, const json& input,
                                                 const std::string& request_id) {
  if (auto errors = ValidateInput(DeliverableInput(), input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The deliverable");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json assignment = TRY(LoadRecord(c, AssignmentTable(), caller, input["assignment_id"].get<int64_t>()));
    TRY(DeliverablesAllowed(WorkerTypeOf(assignment)));
    json deliverable = {{"client_id", assignment["client_id"]}, {"worker_id", assignment["worker_id"]},
                        {"status", "pending"}, {"currency", Text(assignment, "currency").empty() ? "USD" : Text(assignment, "currency")}};
    ApplyInput(DeliverableInput(), input, deliverable);
    json saved = TRY(Insert(c, DeliverableTable(), caller, deliverable, request_id));
    TRY(NoteDeliverable(c, caller, saved, "create", request_id));
    return saved;
  });
}

Result<json> WorkforceService::DecideDeliverable(const auth::Principal& caller, int64_t id, int64_t version,
                                                 const std::string& action, const std::string& reason,
                                                 const std::string& request_id) {
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, DeliverableTable(), caller, id));
    if (before["version"].get<int64_t>() != version) {
      return Error{ErrorKind::kPreconditionFailed, "deliverable.stale",
                   "Someone else changed this deliverable since you opened it. Reload to see their changes.", {}};
    }
    const std::string next = TRY(NextDeliverableStatus(Text(before, "status"), action, reason));
    json after = before;
    after["status"] = next;
    if (action == "submit") {
      after["submitted_at"] = store::NowText();
      after["submitted_by"] = caller.name;
    } else {
      after["decided_at"] = store::NowText();
      after["decided_by"] = caller.name;
    }
    after["reject_reason"] = action == "reject" ? json(reason) : json(nullptr);
    json saved = TRY(Save(c, DeliverableTable(), caller, before, after, version, action, request_id));
    TRY(NoteDeliverable(c, caller, saved, action, request_id));
    return saved;
  });
}

Result<json> WorkforceService::OverdueDeliverables(const auth::Principal& caller, Date today) {
  ListRequest request;
  request.where = " AND t.status IN ('pending', 'rejected') AND t.due_date < ?";
  request.params = {today.ToString()};
  request.sort = "due_date";
  request.limit = 10;
  const RecordPage page = TRY(List(caller, DeliverableTable(), request));
  return json{{"count", page.total}, {"items", page.items}};
}

}  // namespace concord::workforce
