// Quality reviews over HTTP: the form, the sample of solved cases to review, scorecards (create, edit,
// list, export) and the report. Managers and admins only (kServiceConfigure): portal users get 403.
#include "api/api.h"
#include "service/routes.h"

namespace concord::service {
namespace {

using auth::Permission;
using http::Context;
using http::Response;
using api::Guarded;

const nlohmann::json kScorecardRef = {{"$ref", "#/components/schemas/Scorecard"}};
const nlohmann::json kScorecardInput = {
    {"type", "object"},
    {"required", {"scores"}},
    {"properties",
     {{"scores", {{"type", "object"}, {"additionalProperties", {{"type", {"integer", "null"}}, {"minimum", 0}, {"maximum", 4}}}}},
      {"comment", {{"type", "string"}}}}}};
const std::vector<std::string> kListParams = {"q",       "agent_id", "queue_id", "reviewer_id", "from",  "to",
                                              "min_pct", "max_pct",  "sort",     "limit",       "cursor"};

Result<ScorecardListQuery> ListQueryFrom(const http::Request& request, Instant now, bool default_period) {
  ScorecardListQuery q;
  if (auto text = request.Query("q"); text && !text->empty()) q.q = text;
  q.agent_id = TRY(api::QueryId(request, "agent_id"));
  q.queue_id = TRY(api::QueryId(request, "queue_id"));
  q.reviewer_id = TRY(api::QueryId(request, "reviewer_id"));
  const ReportPeriod period = TRY(ReportPeriodFrom(request, now));
  if (default_period || request.Query("from").value_or("") != "") q.from = period.from;
  if (default_period || request.Query("to").value_or("") != "") q.to = period.to;
  for (auto [name, target] : {std::pair{"min_pct", &q.min_pct}, std::pair{"max_pct", &q.max_pct}}) {
    const std::string text = request.Query(name).value_or("");
    if (text.empty()) continue;
    if (text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) > 100)
      return Error::BadRequest("request.bad_percent", std::string(name) + " is a whole percent, 0 to 100.");
    *target = std::stoll(text);
  }
  const auto sort = TRY(api::ParseSort(request, {"created_at", "solved_at", "total_pct", "agent"}, {"created_at", true}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

struct ReviewInput {
  Ratings ratings;
  std::string comment;
};

Result<ReviewInput> ReviewInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  ReviewInput in;
  in.comment = f.String("comment", 5000).value_or("");
  const nlohmann::json* scores = f.Raw("scores");
  if (!scores || !scores->is_object()) {
    f.Fail("scores", "field.required", "Rate each criterion: {\"accuracy\": 3, …} (0–4, null when not applicable).");
  } else {
    for (const auto& [key, value] : scores->items()) {
      if (value.is_null()) {
        in.ratings[key] = std::nullopt;
      } else if (value.is_number_integer()) {
        in.ratings[key] = value.get<int>();
      } else {
        f.Fail("scores." + key, "field.type", "A rating is a whole number 0 to 4, or null when not applicable.");
      }
    }
  }
  TRY(f.Finish("The scorecard"));
  return in;
}

nlohmann::json SampleJson(const std::vector<SolvedCase>& sample) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : sample) {
    items.push_back({{"case_id", c.case_id},
                     {"subject", c.subject},
                     {"agent_id", c.agent_id},
                     {"agent_name", c.agent_name},
                     {"queue_name", c.queue_name},
                     {"solved_at", c.solved_at},
                     {"scorecard_id", c.scorecard_id ? nlohmann::json(*c.scorecard_id) : nlohmann::json()},
                     {"total_pct", c.total_pct ? nlohmann::json(*c.total_pct) : nlohmann::json()}});
  }
  return items;
}

}  // namespace

void InstallQualityRoutes(http::Router& router, ServiceDesk& desk) {
  router.Add(
      "GET", "/api/v1/service/quality/criteria",
      [](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          nlohmann::json items = nlohmann::json::array();
          for (const auto& c : DefaultCriteria())
            items.push_back({{"key", c.key}, {"label", c.label}, {"weight", c.weight}});
          return Response::Json({{"items", items}, {"max_rating", kMaxRating}});
        });
      },
      {"The scorecard's criteria, their weights and the rating scale (0 to max_rating)", "service", true, nullptr,
       {{"type", "object"}}});

  router.Add(
      "GET", "/api/v1/service/quality/sample",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const ReportPeriod p = TRY(ReportPeriodFrom(ctx.request, desk.Now()));
          const std::string per_text = ctx.request.Query("per_agent").value_or("3");
          if (per_text.empty() || per_text.size() > 2 || per_text.find_first_not_of("0123456789") != std::string::npos ||
              std::stoi(per_text) < 1)
            return Error::BadRequest("request.bad_per_agent", "per_agent is a whole number from 1 to 99.");
          // The default seed is the period itself: everyone asking for the same period sees the same sample.
          const std::string seed = ctx.request.Query("seed").value_or(p.from + "/" + p.to);
          const auto sample = TRY(desk.QualitySample(p.from, p.to, std::stoi(per_text), seed));
          return Response::Json({{"items", SampleJson(sample)}, {"seed", seed}, {"from", p.from}, {"to", p.to}});
        });
      },
      {"A reproducible random sample of each agent's cases solved in the period (per_agent each, default 3; the "
       "same seed gives the same sample), with their scorecards if reviewed",
       "service", true, nullptr, {{"type", "object"}}, {"from", "to", "per_agent", "seed"}});

  router.Add(
      "GET", "/api/v1/service/scorecards",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const ScorecardListQuery query = TRY(ListQueryFrom(ctx.request, desk.Now(), false));
          return PageResponse(TRY(desk.Scorecards(query)), query.limit);
        });
      },
      {"Quality scorecards (search, filter by agent/queue/reviewer/period of the solve/score, sort, cursor pages)",
       "service", true, nullptr, api::ListSchema(kScorecardRef), kListParams});

  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/service/scorecards/export." + format,
        [&desk, format](Context& ctx) {
          return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
            return TableDownload(TRY(desk.ScorecardTable(TRY(ListQueryFrom(ctx.request, desk.Now(), false)))), format,
                                 "scorecards");
          });
        },
        {"Export the listed scorecards as " + format + " (one column per criterion)", "service", true, nullptr,
         nullptr, kListParams});
  }

  router.Add(
      "GET", "/api/v1/service/scorecards/{id}",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const Scorecard s = TRY(desk.GetScorecard(TRY(api::PathId(ctx))));
          return api::WithETag(Response::Json(ToJson(s)), s.version);
        });
      },
      {"One scorecard (ETag for If-Match)", "service", true, nullptr, kScorecardRef});

  router.Add(
      "PATCH", "/api/v1/service/scorecards/{id}",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          const ReviewInput in = TRY(ReviewInputFrom(ctx.request));
          const Scorecard s = TRY(desk.ReviseScorecard(caller, id, version, in.ratings, in.comment, ctx.request.request_id));
          return api::WithETag(Response::Json(ToJson(s)), s.version);
        });
      },
      {"Change a scorecard's ratings and comment (If-Match required; rescored on its own form)", "service", true,
       kScorecardInput, kScorecardRef});

  router.Add(
      "POST", "/api/v1/cases/{id}/scorecard",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(api::PathId(ctx));
          const ReviewInput in = TRY(ReviewInputFrom(ctx.request));
          const Scorecard s = TRY(desk.ReviewCase(caller, id, in.ratings, in.comment, ctx.request.request_id));
          Response response = api::WithETag(Response::Json(ToJson(s), 201), s.version);
          response.headers["Location"] = "/api/v1/service/scorecards/" + std::to_string(s.id);
          return response;
        });
      },
      {"Review a solved case: rate each criterion 0–4 (null: not applicable); one scorecard per case", "service",
       true, kScorecardInput, kScorecardRef, {}, 201});

  router.Add(
      "GET", "/api/v1/service/quality/report",
      [&desk](Context& ctx) {
        return Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const ScorecardListQuery query = TRY(ListQueryFrom(ctx.request, desk.Now(), true));
          const std::string by = TRY(api::QueryChoice(ctx.request, "by", {"agent", "queue"})).value_or("agent");
          nlohmann::json j = ToJson(TRY(desk.QualityReportFor(query, by)));
          j["period"] = {{"from", *query.from}, {"to", *query.to}, {"by", by}};
          return Response::Json(j);
        });
      },
      {"Average scorecard score by agent or queue and its weekly trend, over cases solved in the period (default "
       "the last 30 days)",
       "service", true, nullptr, {{"type", "object"}}, {"from", "to", "by", "agent_id", "queue_id", "reviewer_id"}});
}

}  // namespace concord::service
