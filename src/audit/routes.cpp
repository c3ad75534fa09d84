#include "audit/routes.h"

#include "api/api.h"
#include "audit/audit.h"

namespace concord::audit {

void InstallRoutes(http::Router& router, store::Database& db) {
  router.Add(
      "GET", "/api/v1/audit",
      [&db](http::Context& ctx) {
        const auth::Principal& caller = api::Caller(ctx);
        if (auto denied = caller.Require(auth::Permission::kAuditRead); !denied.ok()) {
          return api::ProblemFor(denied.error(), ctx.request);
        }
        auto page = api::ParsePage(ctx.request, 200);
        if (!page.ok()) return api::ProblemFor(page.error(), ctx.request);
        Query query;
        query.entity = ctx.request.Query("entity");
        query.entity_id = ctx.request.Query("id");
        query.client_ids = caller.ClientScope();
        if (auto client = ctx.request.Query("client_id")) {
          try {
            query.client_id = std::stoll(*client);
          } catch (const std::exception&) {
            return api::ProblemFor(Error::BadRequest("request.bad_client_id", "client_id must be a number."), ctx.request);
          }
        }
        query.limit = page->limit;
        query.before_seq = page->after_id;
        auto conn = db.Acquire();
        if (!conn.ok()) return api::ProblemFor(conn.error(), ctx.request);
        auto events = List(**conn, query);
        if (!events.ok()) return api::ProblemFor(events.error(), ctx.request);
        nlohmann::json items = nlohmann::json::array();
        for (const auto& e : *events) items.push_back(e.ToJson());
        nlohmann::json next;
        if (static_cast<int>(events->size()) == query.limit) next = api::MakeCursor("", events->back().seq);
        return http::Response::Json({{"items", items}, {"next_cursor", next}});
      },
      {"Audit events, newest first (filter by entity and id, or every record of one client)", "audit", true, nullptr,
       {{"type", "object"},
        {"properties",
         {{"items", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/AuditEvent"}}}}},
          {"next_cursor", {{"type", {"string", "null"}}}}}}},
       {"entity", "id", "client_id", "limit", "cursor"}});
}

}  // namespace concord::audit
