// Routes: agency settings, the rate card and account knowledge.
#include "agency/markup_default.h"
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Result<AccountInput> AccountInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  AccountInput in;
  in.client_code = f.String("client_code", 16);
  in.industry = f.String("industry");
  in.org_structure = f.String("org_structure");
  in.products = f.String("products");
  in.services = f.String("services");
  in.markets = f.String("markets");
  in.distribution = f.String("distribution");
  in.branding_requirements = f.String("branding_requirements");
  in.processes = f.String("processes", 50000);
  in.reporting_preferences = f.String("reporting_preferences");
  if (const auto* team = f.Raw("team"); team && team->is_array()) {
    in.team.emplace();
    for (const auto& t : *team) {
      TeamSeat seat{t.value("user_id", int64_t{0}), t.value("role", ""), std::nullopt, "", ""};
      if (t.contains("backup_user_id") && t["backup_user_id"].is_number_integer()) {
        seat.backup_user_id = t["backup_user_id"].get<int64_t>();
      }
      in.team->push_back(seat);
    }
  }
  if (const auto* prefs = f.Raw("contact_preferences"); prefs && prefs->is_array()) {
    in.contact_preferences.emplace();
    for (const auto& p : *prefs) {
      in.contact_preferences->push_back({p.value("contact_id", int64_t{0}), p.value("preferred_method", "email"),
                                         p.value("branding_requirements", ""), "", "", ""});
    }
  }
  if (const auto* chain = f.Raw("approval_chain"); chain && chain->is_array()) {
    in.approval_chain.emplace();
    for (const auto& step : *chain) {
      in.approval_chain->push_back(
          {step.value("step", 1), step.value("approves", ""), step.value("contact_id", int64_t{0}), ""});
    }
  }
  if (const auto* dates = f.Raw("key_dates"); dates && dates->is_array()) {
    in.key_dates.emplace();
    for (size_t i = 0; i < dates->size(); ++i) {
      const auto& d = (*dates)[i];
      auto date = Date::Parse(d.value("date", ""));
      if (!date.ok()) {
        f.Fail("key_dates[" + std::to_string(i) + "].date", "field.date", "A date such as 2026-03-05.");
        continue;
      }
      in.key_dates->push_back({*date, d.value("label", ""), d.value("yearly", false)});
    }
  }
  TRY(f.Finish("The account"));
  return in;
}

// The settings with the default expense mark-up kept beside them (markup_default.h).
Result<Response> SettingsResponse(AgencyService& service, const Settings& s) {
  nlohmann::json body = ToJson(s);
  body[kDefaultMarkupField] = TRY(DefaultExpenseMarkup(*service.exports.db)).ToString();
  return api::WithETag(Response::Json(body), s.version);
}

}  // namespace

void InstallAccountRoutes(http::Router& router, AgencyService& service) {
  router.Add("GET", kBase + "/settings", Handle(Permission::kAgencyRead, [&service](Context&, const auth::Principal&)
                                                                            -> Result<Response> {
               return SettingsResponse(service, TRY(service.GetSettings()));
             }),
             {"Agency settings: number patterns, the time-entry window, calendar, period lock", "agency", true, nullptr,
              Ref("AgencySettings")});

  router.Add("PATCH", kBase + "/settings",
             Handle(Permission::kAgencyAdmin, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               return SettingsResponse(service, TRY(service.UpdateSettings(caller, version, body, ctx.request.request_id)));
             }),
             {"Change the agency settings, e.g. lock a period (If-Match required)", "agency", true,
              Ref("AgencySettings"), Ref("AgencySettings")});

  router.Add("GET", kBase + "/rates", Handle(Permission::kAgencyRead, [&service](Context&, const auth::Principal& caller)
                                                                         -> Result<Response> {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& r : TRY(service.Rates(caller))) items.push_back(ToJson(r));
               return Response::Json({{"items", items}});
             }),
             {"The rate card: hourly rates per role, per client overrides, effective-dated", "agency", true, nullptr,
              api::ListSchema(Ref("AgencyRate"))});

  router.Add("POST", kBase + "/rates",
             Handle(Permission::kAgencyAdmin, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               RateInput in;
               const std::string currency = f.String("currency", 3).value_or("USD");
               in.client_id = f.Int("client_id");
               in.role = f.String("role").value_or("");
               auto from = DateField(f, "effective_from");
               auto rate = MoneyField(f, "rate", currency);
               if (!from) f.Fail("effective_from", "field.required", "From when the rate applies.");
               if (!rate) f.Fail("rate", "field.required", "The hourly rate, e.g. \"150.00\".");
               TRY(f.Finish("The rate"));
               in.effective_from = *from;
               in.rate = *rate;
               return Response::Json(ToJson(TRY(service.AddRate(caller, in, ctx.request.request_id))), 201);
             }),
             {"Add a rate to the rate card (from a date; earlier rates stay for earlier work)", "agency", true,
              Ref("AgencyRate"), Ref("AgencyRate"), {}, 201});

  AddList<Account>(router, {kBase + "/accounts",
                             "Agency accounts (account knowledge per client)",
                             "AgencyAccount",
                             {"industry", "code"},
                             {"client", "code", "industry", "updated_at"},
                             [&service](const auth::Principal& caller, const ListQuery& q) {
                               return service.ListAccounts(caller, q);
                             },
                             [](const Account& a) { return ToJson(a); },
                             [](const Account& a) { return a.client_id; },
                             {"Client", "Code", "Industry", "Products", "Services", "Markets", "Processes",
                              "Reporting preferences", "Key dates", "Updated"},
                             [](const Account& a) {
                               std::string dates;
                               for (const auto& d : a.key_dates) {
                                 dates += (dates.empty() ? "" : "; ") + d.date.ToString() + " " + d.label;
                               }
                               return std::vector<std::string>{a.client_name, a.client_code, a.industry, a.products,
                                                               a.services, a.markets, a.processes,
                                                               a.reporting_preferences, dates, a.updated_at};
                             }});

  router.Add("GET", kBase + "/accounts/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const Account a = TRY(service.GetAccount(caller, TRY(api::PathId(ctx))));
               return api::WithETag(Response::Json(ToJson(a)), a.version);
             }),
             {"One client's account knowledge (id = client id)", "agency", true, nullptr, Ref("AgencyAccount")});

  router.Add("PUT", kBase + "/accounts/{id}",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               std::optional<int64_t> version;
               if (ctx.request.Header("if-match")) version = TRY(api::IfMatchVersion(ctx.request));
               const AccountInput in = TRY(AccountInputFrom(ctx.request));
               const Account a = TRY(service.SaveAccount(caller, id, version, in, ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(a)), a.version);
             }),
             {"Set up or change a client's account knowledge (If-Match required to change)", "agency", true,
              Ref("AgencyAccount"), Ref("AgencyAccount")});

  InstallAccountFileRoutes(router, service);
}

void InstallAccountFileRoutes(http::Router& router, AgencyService& service) {
  router.Add("GET", kBase + "/accounts/{id}/files",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const bool archived = ctx.request.Query("archived").value_or("") == "true";
               nlohmann::json items = nlohmann::json::array();
               for (const auto& f : TRY(service.AccountFiles(caller, TRY(api::PathId(ctx)), archived))) {
                 items.push_back(ToJson(f));
               }
               return Response::Json({{"items", items}});
             }),
             {"The account's files (archived=true includes the archived ones)", "agency", true, nullptr,
              api::ListSchema(Ref("AgencyAccountFile")), {"archived"}});

  router.Add("POST", kBase + "/accounts/{id}/files",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               AccountFileInput in;
               in.file_name = ctx.request.Query("file_name").value_or("");
               in.title = ctx.request.Query("title").value_or("");
               in.category = ctx.request.Query("category").value_or("other");
               in.content_type = ctx.request.Header("Content-Type").value_or("application/octet-stream");
               in.bytes = ctx.request.body;
               const AccountFile f = TRY(service.AddAccountFile(caller, TRY(api::PathId(ctx)), in, ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(f), 201), f.version);
             }),
             {"Add a file to the account (raw body; kept with its SHA-256)", "agency", true,
              {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}, Ref("AgencyAccountFile"),
              {"file_name", "title", "category"}, 201});

  router.Add("GET", kBase + "/account-files/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const auto [file, bytes] = TRY(service.AccountFileContent(caller, TRY(api::PathId(ctx))));
               return Response::Download(bytes, file.content_type, file.file_name);
             }),
             {"Download one of the account's files", "agency", true, nullptr, nullptr});

  router.Add("POST", kBase + "/account-files/{id}/archive",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               const AccountFile f = TRY(service.ArchiveAccountFile(caller, id, version, body.value("archived", true),
                                                                    ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(f)), f.version);
             }),
             {"Archive the file (archived=false restores it; If-Match)", "agency", true, nullptr,
              Ref("AgencyAccountFile")});
}

}  // namespace concord::agency::routes
