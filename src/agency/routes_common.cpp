#include "agency/routes_common.h"

#include "audit/audit.h"

#include "agency/routes.h"

namespace concord::agency {

void InstallRoutes(http::Router& router, Module& module) {
  AgencyService& service = module.service;
  routes::InstallAccountRoutes(router, service);
  routes::InstallJobRoutes(router, service);
  routes::InstallEstimateRoutes(router, service);
  routes::InstallTimeRoutes(router, service);
  routes::InstallInvoiceRoutes(router, service);
  routes::InstallReportRoutes(router, service);
  routes::InstallMeetingRoutes(router, module.meetings);
  routes::InstallExpenseRoutes(router, module.expenses);
  routes::InstallAccountReportRoutes(router, module.account_reports);
}

namespace routes {

Result<ListQuery> ListQueryFrom(const http::Request& request, const std::vector<std::string>& filters,
                                const std::vector<std::string>& sorts) {
  ListQuery q;
  q.q = request.Query("q");
  for (const auto& name : filters) {
    if (auto value = request.Query(name); value && !value->empty()) q.filters.emplace_back(name, *value);
  }
  const auto sort = TRY(api::ParseSort(request, sorts, {sorts.front(), false}));
  q.sort = sort.column;
  q.descending = sort.descending;
  const auto page = TRY(api::ParsePage(request));
  q.limit = page.limit;
  q.after_key = page.after_key;
  q.after_id = page.after_id;
  return q;
}

std::optional<Date> DateField(api::Fields& fields, const std::string& name) {
  const auto text = fields.String(name, 10);
  if (!text) return std::nullopt;
  auto date = Date::Parse(*text);
  if (!date.ok()) {
    fields.Fail(name, "field.date", "A date such as 2026-03-05.");
    return std::nullopt;
  }
  return *date;
}

std::optional<Decimal> DecimalField(api::Fields& fields, const std::string& name) {
  const auto* raw = fields.Raw(name);
  if (!raw || raw->is_null()) return std::nullopt;
  const std::string text = raw->is_string() ? raw->get<std::string>() : raw->is_number() ? raw->dump() : "";
  auto value = Decimal::Parse(text);
  if (!value.ok()) {
    fields.Fail(name, "field.decimal", "A decimal number written as text, such as \"7.5\".");
    return std::nullopt;
  }
  return *value;
}

std::optional<Money> MoneyField(api::Fields& fields, const std::string& name, const std::string& currency) {
  auto amount = DecimalField(fields, name);
  if (!amount) return std::nullopt;
  return Money(*amount, currency);
}

void AddExportJobRoute(http::Router& router, const std::string& path, const std::string& summary,
                       const std::vector<std::string>& filters, const std::vector<std::string>& sorts,
                       const std::vector<std::string>& params, ExportCatalog& catalog) {
  const std::string list = path.substr(path.rfind('/') + 1);
  std::vector<std::string> with_format = params;
  with_format.push_back("format");
  router.Add("POST", path + "/export-jobs",
             Handle(auth::Permission::kAgencyRead, [&catalog, list, filters, sorts](Context& ctx, const auth::Principal& caller)
                                                       -> Result<Response> {
               const ListQuery query = TRY(ListQueryFrom(ctx.request, filters, sorts));
               const std::string format = ctx.request.Query("format").value_or("xlsx");
               if (format != "csv" && format != "xlsx") {
                 return Error::Invalid("export.format_invalid", "format is csv or xlsx.",
                                       {{"format", "export.format_invalid", "csv or xlsx."}});
               }
               const nlohmann::json payload = ExportPayload(list, format, query, caller);
               const std::optional<int64_t> tenant =
                   caller.client_ids.size() == 1 && !caller.Internal() ? std::optional(caller.client_ids.front())
                                                                       : std::nullopt;
               const jobs::Job job = TRY(catalog.db->Transact<jobs::Job>([&](store::Connection& c) -> Result<jobs::Job> {
                 const int64_t id = TRY(jobs::Enqueue(c, {kExportJob, payload, caller.user_id, tenant}));
                 TRY(audit::Append(c, caller.Actor(ctx.request.request_id),
                                   {"job", std::to_string(id), tenant, "enqueue", nullptr, payload}));
                 return jobs::Get(c, id);
               }));
               return Response::Json(job.ToJson(), 202);
             }),
             {"Export the listed " + summary + " in the background (a job with progress; its file is the result)",
              "agency", true, nullptr, {{"$ref", "#/components/schemas/Job"}}, with_format, 202});
}

}  // namespace routes
}  // namespace concord::agency
