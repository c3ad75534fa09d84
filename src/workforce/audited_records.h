// Writes of a TableMap record with their audit event in the caller's transaction: what every workforce
// use case does (WorkforceService and the communication services share it).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "workforce/table_map.h"

namespace concord::workforce {

// Inserts `record`, audits "create" and returns the saved record (secrets removed).
Result<nlohmann::json> InsertAudited(store::Connection& c, const TableMap& map, const auth::Principal& caller,
                                     const nlohmann::json& record, const std::string& request_id);
// Saves `after` over `before` if the stored version is `version`, audits `action` with both.
Result<nlohmann::json> SaveAudited(store::Connection& c, const TableMap& map, const auth::Principal& caller,
                                   const nlohmann::json& before, const nlohmann::json& after, int64_t version,
                                   const std::string& action, const std::string& request_id);

}  // namespace concord::workforce

namespace concord::workforce {

// A timeline entry (worker_id, kind, subject, body, … as in TimelineTable) saved with its audit event;
// direction, author and time default to internal, the caller and now.
Result<nlohmann::json> AppendTimeline(store::Connection& c, const auth::Principal& caller, nlohmann::json entry,
                                      const std::string& request_id);

// The worker's latest assignment (by start date) in the caller's scope, if any: what gives a ticket or
// a timeline entry that names no assignment its client.
Result<std::optional<nlohmann::json>> LatestAssignment(store::Connection& c, const auth::Principal& caller,
                                                       int64_t worker_id);

}  // namespace concord::workforce
