// Routes: agency settings, the rate card and account knowledge.
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
                                         p.value("branding_requirements", ""), ""});
    }
  }
  TRY(f.Finish("The account"));
  return in;
}

}  // namespace

void InstallAccountRoutes(http::Router& router, AgencyService& service) {
  router.Add("GET", kBase + "/settings", Handle(Permission::kAgencyRead, [&service](Context&, const auth::Principal&)
                                                                            -> Result<Response> {
               const Settings s = TRY(service.GetSettings());
               return api::WithETag(Response::Json(ToJson(s)), s.version);
             }),
             {"Agency settings: number patterns, the time-entry window, calendar, period lock", "agency", true, nullptr,
              Ref("AgencySettings")});

  router.Add("PATCH", kBase + "/settings",
             Handle(Permission::kAgencyAdmin, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               const Settings s = TRY(service.UpdateSettings(caller, version, body, ctx.request.request_id));
               return api::WithETag(Response::Json(ToJson(s)), s.version);
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

  router.Add("GET", kBase + "/accounts",
             Handle(Permission::kAgencyRead, [&service](Context&, const auth::Principal& caller) -> Result<Response> {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& a : TRY(service.Accounts(caller))) items.push_back(ToJson(a));
               return Response::Json({{"items", items}});
             }),
             {"Agency accounts: account knowledge per client", "agency", true, nullptr,
              api::ListSchema(Ref("AgencyAccount"))});

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
}

}  // namespace concord::agency::routes
