#include "audit/routes.h"

#include "api/api.h"
#include "audit/audit.h"
#include "io/table.h"
#include "jobs/jobs.h"

namespace concord::audit {
namespace {

using auth::Permission;
using http::Context;
using http::Response;

constexpr const char* kVerifyJob = "audit.verify";
const std::vector<std::string> kFilterParams = {"entity", "id", "client_id", "action", "actor_id", "from", "to", "q",
                                                 "sort"};
constexpr int kExportLimit = 100000;

std::vector<std::string> ListParams() {
  std::vector<std::string> params = kFilterParams;
  params.insert(params.end(), {"limit", "cursor"});
  return params;
}

// The filters of a list or export, always within the caller's clients.
Result<Query> QueryFrom(const http::Request& request, const auth::Principal& caller) {
  Query query;
  query.entity = request.Query("entity");
  query.entity_id = request.Query("id");
  query.action = request.Query("action");
  query.q = request.Query("q");
  query.client_ids = caller.ClientScope();
  query.client_id = TRY(api::QueryId(request, "client_id"));
  query.actor_id = TRY(api::QueryId(request, "actor_id"));
  if (auto from = TRY(api::QueryDate(request, "from"))) query.from = from->ToString();
  if (auto to = TRY(api::QueryDate(request, "to"))) query.to = to->ToString();
  query.oldest_first = !TRY(api::ParseSort(request, {"at"}, {"at", true})).descending;  // time follows seq
  return query;
}

std::string Compact(const nlohmann::json& value) { return value.is_null() ? "" : value.dump(); }

io::Table ExportTable(const std::vector<Event>& events) {
  io::Table t{"Audit", {"seq", "at", "actor", "actor_id", "request_id", "entity", "id", "client_id", "action",
                        "before", "after", "hash"}, {}};
  for (const Event& e : events)
    t.rows.push_back({std::to_string(e.seq), e.at, e.actor_name, e.actor_id ? std::to_string(*e.actor_id) : "",
                      e.request_id, e.entity, e.entity_id, e.client_id ? std::to_string(*e.client_id) : "", e.action,
                      Compact(e.before), Compact(e.after), e.hash});
  return t;
}

}  // namespace

void RegisterJobs(jobs::Registry& registry, store::Database& db) {
  registry.Register(kVerifyJob, [&db](const jobs::Job&, jobs::Progress& progress) -> Result<jobs::Outcome> {
    auto conn = TRY(db.Acquire());
    const VerifyReport report = TRY(Verify(*conn, [&](int64_t checked, int64_t total) {
      progress.Update(checked, total, "Checked " + std::to_string(checked) + " of " + std::to_string(total) + " events");
    }));
    nlohmann::json result = {{"ok", report.ok}, {"events", report.events}, {"problem", report.problem}};
    result["first_bad_seq"] = report.first_bad_seq ? nlohmann::json(*report.first_bad_seq) : nlohmann::json();
    return jobs::Outcome{result, std::nullopt};
  });
}

void InstallRoutes(http::Router& router, store::Database& db) {
  router.Add(
      "GET", "/api/v1/audit",
      [&db](Context& ctx) {
        return api::Guarded(ctx, Permission::kAuditRead, [&](const auth::Principal& caller) -> Result<Response> {
          Query query = TRY(QueryFrom(ctx.request, caller));
          const api::PageRequest page = TRY(api::ParsePage(ctx.request, 200));
          query.limit = page.limit;
          query.after_seq = page.after_id;
          auto conn = TRY(db.Acquire());
          const std::vector<Event> events = TRY(List(*conn, query));
          nlohmann::json items = nlohmann::json::array();
          for (const auto& e : events) items.push_back(e.ToJson());
          nlohmann::json next;
          if (static_cast<int>(events.size()) == query.limit) next = api::MakeCursor("", events.back().seq);
          return Response::Json({{"items", items}, {"next_cursor", next}});
        });
      },
      {"Audit events, newest first (sort=at for oldest first): by record (entity and id), client, action, actor, UTC days from..to; q is a "
       "record id, request id or part of the actor's name",
       "audit", true, nullptr,
       {{"type", "object"},
        {"properties",
         {{"items", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/AuditEvent"}}}}},
          {"next_cursor", {{"type", {"string", "null"}}}}}}},
       ListParams()});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/audit/export." + format,
        [&db, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kAuditRead, [&](const auth::Principal& caller) -> Result<Response> {
            Query query = TRY(QueryFrom(ctx.request, caller));
            query.limit = kExportLimit;
            auto conn = TRY(db.Acquire());
            const io::Table table = ExportTable(TRY(List(*conn, query)));
            if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, "audit.csv");
            return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, "audit.xlsx");
          });
        },
        {"Export the listed audit events (newest " + std::to_string(kExportLimit) + " at most) as " + format, "audit",
         true, nullptr, nullptr, kFilterParams});
  }

  router.Add(
      "POST", "/api/v1/audit/verify",
      [&db](Context& ctx) {
        return api::Guarded(ctx, Permission::kAuditVerify, [&](const auth::Principal& caller) -> Result<Response> {
          const jobs::Job job = TRY(db.Transact<jobs::Job>([&](store::Connection& c) -> Result<jobs::Job> {
            const int64_t id = TRY(jobs::Enqueue(c, {kVerifyJob, nlohmann::json::object(), caller.user_id, std::nullopt}));
            TRY(Append(c, caller.Actor(ctx.request.request_id),
                       {"job", std::to_string(id), std::nullopt, "enqueue", nullptr, {{"kind", kVerifyJob}}}));
            return jobs::Get(c, id);
          }));
          return Response::Json(job.ToJson(), 202);
        });
      },
      {"Check the whole audit chain for altered, missing or deleted events (a job with progress; its result says "
       "ok, or the first bad event and why)",
       "audit", true, nullptr, {{"$ref", "#/components/schemas/Job"}}, {}, 202});
}

}  // namespace concord::audit
