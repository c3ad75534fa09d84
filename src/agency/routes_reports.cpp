// Routes: reports — jobs without an approved LOE, time compliance, late-time reminders, the forecast; each
// as JSON and as CSV/XLSX.
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

struct Report {
  nlohmann::json json;
  io::Table table;
};

Result<std::pair<Date, Date>> Range(AgencyService& service, const http::Request& request) {
  const Date today = service.Today();
  const Date to = TRY(QueryDate(request, "to")).value_or(today);
  const Date from = TRY(QueryDate(request, "from")).value_or(to.AddDays(-30));
  if (to < from) return Error::BadRequest("request.bad_range", "from must not be after to.");
  return std::make_pair(from, to);
}

Result<YearMonth> Month(const http::Request& request, const std::string& name, YearMonth fallback) {
  const auto text = request.Query(name);
  if (!text || text->empty()) return fallback;
  auto date = Date::Parse(*text + "-01");
  if (!date.ok()) return Error::BadRequest("request.bad_month", name + " must be a month such as 2026-03.");
  return YearMonth::Of(*date);
}

// Registers GET path (JSON) and path/export.csv|xlsx for one report.
void AddReport(http::Router& router, const std::string& path, const std::string& summary,
               const std::vector<std::string>& params, const nlohmann::json& schema,
               std::function<Result<Report>(const http::Request&, const auth::Principal&)> build) {
  router.Add("GET", kBase + "/reports/" + path,
             Handle(Permission::kAgencyRead, [build](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return Response::Json(TRY(build(ctx.request, caller)).json);
             }),
             {summary, "agency", true, nullptr, schema, params});
  for (const std::string format : {"csv", "xlsx"}) {
    router.Add("GET", kBase + "/reports/" + path + "/export." + format,
               Handle(Permission::kAgencyRead, [build, path, format](Context& ctx, const auth::Principal& caller)
                                                    -> Result<Response> {
                 const Report report = TRY(build(ctx.request, caller));
                 if (format == "csv") return Response::Download(io::ToCsv(report.table), io::kCsvType, path + ".csv");
                 return Response::Download(TRY(io::ToXlsx(report.table)), io::kXlsxType, path + ".xlsx");
               }),
               {summary + " as " + format, "agency", true, nullptr, nullptr, params});
  }
}

}  // namespace

void InstallReportRoutes(http::Router& router, AgencyService& service) {
  AddReport(router, "jobs-without-loe", "Billable jobs without an approved Letter of Estimate", {},
            api::ListSchema(Ref("AgencyJob")),
            [&service](const http::Request&, const auth::Principal& caller) -> Result<Report> {
              Report r{{{"items", nlohmann::json::array()}}, {"Jobs without LOE", {"number", "client", "title",
                                                                                   "status", "owner", "billable_minutes"}, {}}};
              for (const auto& v : TRY(service.JobsWithoutApprovedLoe(caller))) {
                r.json["items"].push_back(ToJson(v));
                r.table.rows.push_back({v.job.number, v.job.client_name, v.job.title, JobStatusName(v.job.status),
                                        v.job.owner_name, std::to_string(v.billable_minutes)});
              }
              return r;
            });

  AddReport(router, "time-compliance", "Each person's share of time entered within the window (from, to)",
            {"from", "to"}, Ref("AgencyCompliance"),
            [&service](const http::Request& request, const auth::Principal& caller) -> Result<Report> {
              const auto [from, to] = TRY(Range(service, request));
              Report r{{{"from", from.ToString()}, {"to", to.ToString()}, {"items", nlohmann::json::array()}},
                       {"Time compliance", {"person", "entries", "late", "on_time_percent"}, {}}};
              for (const auto& s : TRY(service.TimeCompliance(caller, from, to))) {
                r.json["items"].push_back({{"person", s.person},
                                           {"entries", s.entries},
                                           {"late", s.late},
                                           {"on_time_percent", s.on_time_percent.ToString()}});
                r.table.rows.push_back({s.person, std::to_string(s.entries), std::to_string(s.late),
                                        s.on_time_percent.ToString()});
              }
              return r;
            });

  AddReport(router, "late-time-reminders", "Reminders for late time, to the person and their account lead",
            {"from", "to"}, Ref("AgencyReminders"),
            [&service](const http::Request& request, const auth::Principal& caller) -> Result<Report> {
              const auto [from, to] = TRY(Range(service, request));
              Report r{{{"items", nlohmann::json::array()}},
                       {"Late time reminders", {"person", "lead", "late_entries", "late_minutes", "message"}, {}}};
              for (const auto& m : TRY(service.LateTimeReminders(caller, from, to))) {
                r.json["items"].push_back({{"user_id", m.user_id},
                                           {"person", m.person},
                                           {"lead_user_id", m.lead_user_id ? nlohmann::json(*m.lead_user_id) : nullptr},
                                           {"lead_name", m.lead_name},
                                           {"late_entries", m.late_entries},
                                           {"late_minutes", m.late_minutes},
                                           {"message", m.message}});
                r.table.rows.push_back({m.person, m.lead_name, std::to_string(m.late_entries),
                                        std::to_string(m.late_minutes), m.message});
              }
              return r;
            });

  AddReport(router, "forecast", "Monthly forecast: pipeline × close probability, committed, burn (from, to months)",
            {"from", "to", "currency"}, Ref("AgencyForecast"),
            [&service](const http::Request& request, const auth::Principal& caller) -> Result<Report> {
              const YearMonth now = YearMonth::Of(service.Today());
              YearMonth later = now;
              for (int i = 0; i < 5; ++i) later = later.Next();
              const YearMonth first = TRY(Month(request, "from", now));
              const YearMonth last = TRY(Month(request, "to", later));
              const std::string currency = request.Query("currency").value_or("USD");
              Report r{{{"currency", currency}, {"months", nlohmann::json::array()}},
                       {"Forecast", {"month", "pipeline", "committed", "burn", "expected"}, {}}};
              for (const auto& m : TRY(service.Forecast(caller, first, last, currency))) {
                const std::vector<std::string> row = {m.month.ToString(), m.pipeline.amount().ToString(),
                                                      m.committed.amount().ToString(), m.burn.amount().ToString(),
                                                      m.expected.amount().ToString()};
                r.json["months"].push_back(
                    {{"month", row[0]}, {"pipeline", row[1]}, {"committed", row[2]}, {"burn", row[3]}, {"expected", row[4]}});
                r.table.rows.push_back(row);
              }
              return r;
            });
}

}  // namespace concord::agency::routes
