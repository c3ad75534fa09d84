// The supervisor's board: agents' weighted open work against capacity, and reassigning cases (one or
// many, all or nothing) with each change on the case's timeline and in the audit trail.
#include "service/case_write.h"
#include "service/desk.h"

namespace concord::service {

Result<Board> ServiceDesk::BoardFor(std::optional<int64_t> queue_id) {
  auto conn = TRY(db_.Acquire());
  Board board;
  const std::vector<Queue> queues = TRY(ListQueues(*conn));
  if (queue_id && std::none_of(queues.begin(), queues.end(), [&](const Queue& q) { return q.id == *queue_id; }))
    return Error::NotFound("queue.not_found", "No queue has this id.");
  std::map<int64_t, int64_t> counts;
  for (const auto& r : TRY(conn->Query("SELECT assignee_id, COUNT(*) FROM cases WHERE assignee_id IS NOT NULL AND "
                                       "status NOT IN ('solved', 'closed') AND merged_into_id IS NULL GROUP BY assignee_id")))
    counts[r.Int(0)] = r.Int(1);
  board.agents = BoardAgents(queues, queue_id, TRY(WeightedLoads(*conn)), counts);
  CaseListQuery open;
  open.status = "active";
  open.queue_id = queue_id;
  open.sort = "priority";
  open.limit = kBoardCaseLimit;
  const CasePage page = TRY(ListCases(*conn, CaseScope{}, open));
  board.cases = page.items;
  board.open_total = page.total;
  return board;
}

Result<std::vector<Case>> ServiceDesk::Reassign(const auth::Principal& caller, const std::vector<int64_t>& case_ids,
                                                std::optional<int64_t> assignee_id, const std::string& request_id) {
  std::vector<FieldError> errors;
  if (case_ids.empty()) errors.push_back({"case_ids", "field.required", "Choose at least one case."});
  if (case_ids.size() > 500) errors.push_back({"case_ids", "field.range", "At most 500 cases at a time."});
  if (!errors.empty()) return Error::Invalid("request.invalid", "The reassignment has errors; see the fields.", errors);
  const Instant now = now_();
  return db_.Transact<std::vector<Case>>([&](store::Connection& conn) -> Result<std::vector<Case>> {
    if (assignee_id) {
      auto member = TRY(conn.Query("SELECT 1 FROM service_queue_members WHERE user_id = ?", {*assignee_id}));
      if (member.empty())
        return Error::Invalid("board.not_an_agent", "Cases go to members of a queue.",
                              {{"assignee_id", "board.not_an_agent", "This user is not a member of any queue."}});
    }
    CaseWriter w(conn, caller.Actor(request_id), now);
    std::vector<Case> out;
    for (size_t i = 0; i < case_ids.size(); ++i) {
      const std::string field = "case_ids." + std::to_string(i);
      auto loaded = LoadCase(conn, CaseScope{}, case_ids[i]);
      if (!loaded.ok())
        return Error::Invalid("board.case_not_found", "A chosen case does not exist.",
                              {{field, "case.not_found", "No case #" + std::to_string(case_ids[i]) + "."}});
      const Case before = std::move(loaded).value();
      if (before.status == "solved" || before.status == "closed" || before.merged_into_id)
        return Error::Invalid("board.case_closed", "Only open cases are reassigned.",
                              {{field, "board.case_closed", "Case #" + std::to_string(before.id) + " is " + before.status + "."}});
      if (before.assignee_id == assignee_id) {
        out.push_back(before);
        continue;
      }
      Case after = before;
      after.assignee_id = assignee_id;
      TRY(w.Note(after, "assignment", "Reassigned from " + w.UserName(before.assignee_id) + " to " +
                                          w.UserName(assignee_id) + " on the supervisor's board"));
      out.push_back(TRY(w.Finish(after, before.version, "reassign", CaseAuditJson(before))));
    }
    return out;
  });
}

}  // namespace concord::service
