// Cases linked to a record of another module (a worker, an assignment, a PSR…), for that record's page.
#include "service/desk.h"

namespace concord::service {

Result<std::vector<Case>> ServiceDesk::LinkedTo(const auth::Principal& caller, const LinkedRecord& record) {
  auto conn = TRY(db_.Acquire());
  const auto rows = TRY(conn->Query(
      "SELECT case_id FROM case_links WHERE entity_type = ? AND entity_id = ? ORDER BY case_id DESC",
      {record.entity_type, record.entity_id}));
  const CaseScope scope = ScopeOf(caller);
  std::vector<Case> cases;
  for (const auto& row : rows) {
    auto c = LoadCase(*conn, scope, row.Int(0));
    if (c.ok()) {
      cases.push_back(std::move(*c));
    } else if (c.error().kind != ErrorKind::kNotFound) {
      return c.error();  // outside the scope is simply not listed; anything else is a failure
    }
  }
  return cases;
}

}  // namespace concord::service
