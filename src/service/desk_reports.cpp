// The manager's dashboard: the facts of every case opened in a period, summarized by report.h.
#include "service/desk.h"

namespace concord::service {

Result<Dashboard> ServiceDesk::DashboardFor(const std::string& from, const std::string& to,
                                            const std::string& dimension) {
  auto conn = TRY(db_.Acquire());
  auto rows = TRY(conn->Query(
      "SELECT c.id, COALESCE(q.name, ''), COALESCE(u.name, ''), COALESCE(cl.legal_name, ''), c.status, c.sla_state, "
      "c.created_at, c.solved_at, c.satisfaction, "
      "(SELECT COUNT(*) FROM case_entries e WHERE e.case_id = c.id AND e.kind IN ('message_out', 'call', 'chat')), "
      "(SELECT COALESCE(SUM(e.duration_s), 0) FROM case_entries e WHERE e.case_id = c.id AND e.kind IN ('call', 'chat')) "
      "FROM cases c LEFT JOIN service_queues q ON q.id = c.queue_id LEFT JOIN users u ON u.id = c.assignee_id "
      "LEFT JOIN clients cl ON cl.id = c.client_id "
      "WHERE c.created_at >= ? AND c.created_at < ? AND c.merged_into_id IS NULL ORDER BY c.id",
      {from, to}));
  std::vector<CaseFacts> facts;
  for (const auto& r : rows) {
    CaseFacts f;
    f.id = r.Int(0);
    f.queue = r.Text(1);
    f.agent = r.Text(2);
    f.client = r.Text(3);
    f.status = r.Text(4);
    f.sla_state = r.Text(5);
    f.created_at = Instant::Parse(r.Text(6)).value_or(Instant());
    if (!r.IsNull(7)) f.solved_at = Instant::Parse(r.Text(7)).value_or(Instant());
    f.satisfaction = r.OptInt(8);
    f.agent_contacts = static_cast<int>(r.Int(9));
    f.handle_seconds = r.Int(10);
    facts.push_back(std::move(f));
  }
  std::map<std::string, int> breaches;
  auto breach_rows = TRY(conn->Query(
      "SELECT metric, COUNT(*) FROM case_sla_events WHERE kind = 'breached' AND at >= ? AND at < ? GROUP BY metric",
      {from, to}));
  for (const auto& r : breach_rows) breaches[r.Text(0)] = static_cast<int>(r.Int(1));
  return Summarize(facts, dimension, now_(), breaches);
}

}  // namespace concord::service
