// The supervisor's board over HTTP (managers and admins): load per agent and bulk reassignment.
#include "api/api.h"
#include "service/routes.h"

namespace concord::service {

void InstallBoardRoutes(http::Router& router, ServiceDesk& desk) {
  using http::Context;
  using http::Response;
  const nlohmann::json case_list = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Case"}}}};
  router.Add(
      "GET", "/api/v1/service/board",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, auth::Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const Board board = TRY(desk.BoardFor(TRY(api::QueryId(ctx.request, "queue_id"))));
          nlohmann::json agents = nlohmann::json::array(), cases = nlohmann::json::array();
          for (const auto& a : board.agents) agents.push_back(ToJson(a));
          for (const auto& c : board.cases) {
            nlohmann::json j = ToJson(c);
            j["weight"] = PriorityWeight(c.priority);
            cases.push_back(std::move(j));
          }
          return Response::Json({{"agents", agents}, {"cases", cases}, {"open_total", board.open_total},
                                 {"case_limit", kBoardCaseLimit}});
        });
      },
      {"The supervisor's board: each queue member's open work weighted by priority (low 1, normal 2, high 3, urgent "
       "5) against capacity, and the open cases, urgent first (one queue with queue_id)",
       "service", true, nullptr,
       {{"type", "object"},
        {"properties", {{"agents", {{"type", "array"}, {"items", {{"type", "object"}}}}}, {"cases", case_list},
                        {"open_total", {{"type", "integer"}}}}}},
       {"queue_id"}});

  router.Add(
      "POST", "/api/v1/service/board/reassign",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, auth::Permission::kServiceConfigure, [&](const auth::Principal& caller) -> Result<Response> {
          const auto body = TRY(api::JsonBody(ctx.request));
          api::Fields f(body);
          std::vector<int64_t> ids;
          const nlohmann::json* list = f.Raw("case_ids");
          if (!list || !list->is_array()) f.Fail("case_ids", "field.required", "A list of case ids.");
          else
            for (const auto& v : *list) {
              if (v.is_number_integer()) ids.push_back(v.get<int64_t>());
              else f.Fail("case_ids", "field.type", "Case ids are whole numbers.");
            }
          const nlohmann::json* to = f.Raw("assignee_id");
          if (!to || !(to->is_null() || to->is_number_integer()))
            f.Fail("assignee_id", "field.required", "The agent's user id, or null to leave the cases unassigned.");
          TRY(f.Finish("The reassignment"));
          const std::optional<int64_t> assignee = to->is_null() ? std::nullopt : std::optional<int64_t>(to->get<int64_t>());
          nlohmann::json items = nlohmann::json::array();
          for (const auto& c : TRY(desk.Reassign(caller, ids, assignee, ctx.request.request_id))) items.push_back(ToJson(c));
          return Response::Json({{"items", items}});
        });
      },
      {"Reassign open cases to an agent (assignee_id null: back to the queue), all or none; audited and on each "
       "case's timeline",
       "service", true,
       {{"type", "object"},
        {"required", {"case_ids", "assignee_id"}},
        {"properties", {{"case_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
                        {"assignee_id", {{"type", {"integer", "null"}}}}}}},
       {{"type", "object"}, {"properties", {{"items", case_list}}}}});
}

}  // namespace concord::service
