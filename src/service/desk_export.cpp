// The case list as an export table (CSV/XLSX), every page of the query.
#include "service/desk.h"

namespace concord::service {

Result<io::Table> ServiceDesk::ExportTable(const auth::Principal& caller, CaseListQuery query) {
  io::Table table{"Cases",
                  {"id", "subject", "status", "priority", "category", "level", "queue", "assignee", "requester",
                   "requester_email", "client_id", "channel", "sla_state", "sla_due_at", "first_response_at",
                   "solved_at", "satisfaction", "tags", "created_at", "updated_at"},
                  {}};
  auto conn = TRY(db_.Acquire());
  const CaseScope scope = ScopeOf(caller);
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  for (;;) {
    const CasePage page = TRY(ListCases(*conn, scope, query));
    for (const Case& c : page.items) {
      std::string tags;
      for (const auto& t : c.tags) tags += (tags.empty() ? "" : ", ") + t;
      table.rows.push_back({std::to_string(c.id), c.subject, c.status, c.priority, c.category, c.level, c.queue_name,
                            c.assignee_name, c.requester_name, c.requester_email,
                            c.client_id ? std::to_string(*c.client_id) : "", c.channel, c.sla_state,
                            c.sla_due_at.value_or(""), c.first_response_at.value_or(""), c.solved_at.value_or(""),
                            c.satisfaction ? std::to_string(*c.satisfaction) : "", tags, c.created_at, c.updated_at});
    }
    if (static_cast<int>(page.items.size()) < query.limit) break;
    query.after_key = page.sort_keys.back();
    query.after_id = page.items.back().id;
  }
  return table;
}

}  // namespace concord::service
