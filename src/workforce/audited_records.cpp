#include "workforce/audited_records.h"

#include "audit/audit.h"
#include "store/time.h"
#include "workforce/records.h"

namespace concord::workforce {
namespace {

using nlohmann::json;

std::optional<int64_t> ClientOf(const json& record) {
  const auto it = record.find("client_id");
  if (it == record.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

}  // namespace

Result<json> InsertAudited(store::Connection& c, const TableMap& map, const auth::Principal& caller,
                           const json& record, const std::string& request_id) {
  const int64_t id = TRY(InsertRecord(c, map, record));
  json saved = Public(map, TRY(LoadRecord(c, map, SystemPrincipal(), id)));
  TRY(audit::Append(c, caller.Actor(request_id),
                    {map.entity, std::to_string(id), ClientOf(saved), "create", nullptr, saved}));
  return saved;
}

Result<json> SaveAudited(store::Connection& c, const TableMap& map, const auth::Principal& caller, const json& before,
                         const json& after, int64_t version, const std::string& action,
                         const std::string& request_id) {
  TRY(UpdateRecord(c, map, after, version));
  const int64_t id = after["id"].get<int64_t>();
  json saved = Public(map, TRY(LoadRecord(c, map, SystemPrincipal(), id)));
  TRY(audit::Append(c, caller.Actor(request_id),
                    {map.entity, std::to_string(id), ClientOf(saved), action, Public(map, before), saved}));
  return saved;
}

Result<json> AppendTimeline(store::Connection& c, const auth::Principal& caller, json entry,
                            const std::string& request_id) {
  if (!entry.contains("direction")) entry["direction"] = "internal";
  if (!entry.contains("author_name")) entry["author_name"] = caller.name;
  if (!entry.contains("occurred_at")) entry["occurred_at"] = store::NowText();
  return InsertAudited(c, TimelineTable(), caller, entry, request_id);
}

Result<std::optional<json>> LatestAssignment(store::Connection& c, const auth::Principal& caller, int64_t worker_id) {
  ListRequest latest;
  latest.equals = {{"worker_id", std::to_string(worker_id)}};
  latest.sort = "start_date";
  latest.descending = true;
  latest.limit = 1;
  const RecordPage page = TRY(ListRecords(c, AssignmentTable(), caller, latest));
  if (page.items.empty()) return std::optional<json>();
  return std::optional<json>(page.items.front());
}

}  // namespace concord::workforce
