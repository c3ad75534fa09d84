// Reports and inbound mail: the manager's dashboard (JSON, CSV, XLSX) and the mail gateway's endpoint.
#include "api/api.h"
#include "service/routes.h"

namespace concord::service {

Result<ReportPeriod> ReportPeriodFrom(const http::Request& request, Instant now) {
  auto instant = [](const std::optional<std::string>& text, bool end) -> Result<std::optional<std::string>> {
    if (!text || text->empty()) return std::optional<std::string>();
    if (auto d = Date::Parse(*text); d.ok())
      return std::optional<std::string>((end ? d->AddDays(1) : *d).ToString() + "T00:00:00Z");
    if (auto t = Instant::Parse(*text); t.ok()) return std::optional<std::string>(t->ToString());
    return Error::BadRequest("request.bad_period", "from and to are dates (2026-03-01) or date-times.");
  };
  ReportPeriod p;
  p.to = TRY(instant(request.Query("to"), true)).value_or((now + std::chrono::seconds(1)).ToString());
  p.from = TRY(instant(request.Query("from"), false)).value_or((now - std::chrono::hours(24 * 30)).ToString());
  return p;
}

namespace {

using auth::Permission;
using http::Context;
using http::Response;

struct Period {
  std::string from, to, by;
};

Result<Period> PeriodFrom(const http::Request& request, Instant now) {
  const ReportPeriod range = TRY(ReportPeriodFrom(request, now));
  return Period{range.from, range.to,
                TRY(api::QueryChoice(request, "by", {"queue", "agent", "client"})).value_or("queue")};
}

const std::vector<std::string> kReportParams = {"from", "to", "by"};

}  // namespace

void InstallReportRoutes(http::Router& router, ServiceDesk& desk) {
  router.Add(
      "GET", "/api/v1/service/dashboard",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const Period p = TRY(PeriodFrom(ctx.request, desk.Now()));
          nlohmann::json j = ToJson(TRY(desk.DashboardFor(p.from, p.to, p.by)));
          j["period"] = {{"from", p.from}, {"to", p.to}, {"by", p.by}};
          return Response::Json(j);
        });
      },
      {"The manager's dashboard: SLA attainment, breaches, backlog by age, first-contact resolution, handle "
       "time and satisfaction, by queue, agent or client (default: the last 30 days)",
       "service", true, nullptr, {{"type", "object"}}, kReportParams});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add(
        "GET", "/api/v1/service/dashboard/export." + format,
        [&desk, format](Context& ctx) {
          return api::Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
            const Period p = TRY(PeriodFrom(ctx.request, desk.Now()));
            return TableDownload(DashboardTable(TRY(desk.DashboardFor(p.from, p.to, p.by)), p.by), format, "service-" + p.by);
          });
        },
        {"The dashboard's table as " + format, "service", true, nullptr, nullptr, kReportParams});
  }
  router.Add(
      "POST", "/api/v1/mail/inbound",
      [&desk](Context& ctx) {
        return api::Guarded(ctx, Permission::kServiceConfigure, [&](const auth::Principal&) -> Result<Response> {
          const MailIngest in = TRY(desk.IngestMail(ctx.request.body, ctx.request.request_id));
          return Response::Json({{"case_id", in.case_id}, {"created", in.created}, {"duplicate", in.duplicate}},
                                in.created ? 201 : 200);
        });
      },
      {"Take one inbound mail (the raw RFC 5322 message, e.g. from the mail gateway): threads it into its case "
       "or opens one",
       "service", true, nullptr,
       {{"type", "object"},
        {"properties", {{"case_id", {{"type", "integer"}}}, {"created", {{"type", "boolean"}}}, {"duplicate", {{"type", "boolean"}}}}}}});
}

}  // namespace concord::service
