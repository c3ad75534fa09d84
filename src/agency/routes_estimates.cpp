// Routes: estimates (LOEs) — drafts, the LOE document, send, client approval, revisions, change orders.
#include "agency/markup_default.h"
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

// An expense line with no mark-up of its own takes the agency's default (markup_default.h).
Result<EstimateInput> EstimateInputFrom(const http::Request& request, const std::string& currency,
                                        const Decimal& default_markup) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  EstimateInput in;
  in.terms = f.String("terms", 20000);
  in.close_probability_percent = DecimalField(f, "close_probability_percent");
  if (f.Has("expected_close")) in.expected_close = DateField(f, "expected_close");
  if (const auto* list = f.Raw("lines"); list && !list->is_null()) {
    if (!list->is_array()) {
      f.Fail("lines", "field.type", "Must be a list of lines.");
    } else {
      in.lines.emplace();
      for (size_t i = 0; i < list->size(); ++i) {
        const std::string at = "lines[" + std::to_string(i) + "]";
        if (!(*list)[i].is_object()) {
          f.Fail(at, "field.type", "Must be a line.");
          continue;
        }
        api::Fields line((*list)[i]);
        EstimateLine l;
        const std::string kind = line.String("kind").value_or("labor");
        if (kind != "labor" && kind != "expense" && kind != "fee") {
          line.Fail("kind", "field.choice", "labor, expense or fee.");
        }
        l.kind = kind == "expense" ? LineKind::kExpense : kind == "fee" ? LineKind::kFee : LineKind::kLabor;
        l.service = line.String("service", 200).value_or("");
        l.description = line.String("description", 2000).value_or("");
        l.hours = DecimalField(line, "hours").value_or(Decimal());
        l.rate = MoneyField(line, "rate", currency).value_or(Money(Decimal(), currency));
        l.cost = MoneyField(line, "cost", currency).value_or(Money(Decimal(), currency));
        l.markup_percent = DecimalField(line, "markup_percent")
                               .value_or(l.kind == LineKind::kExpense ? default_markup : Decimal());
        for (auto& e : line.errors()) f.Fail(at + "." + e.field, e.code, e.message);
        in.lines->push_back(std::move(l));
      }
    }
  }
  TRY(f.Finish("The estimate"));
  return in;
}

Response EstimateResponse(const EstimateRecord& e, int status = 200) {
  return api::WithETag(Response::Json(ToJson(e), status), e.version);
}

// POST estimates/{id}/<action> with If-Match: send, decline.
template <class F>
void AddAction(http::Router& router, const std::string& action, Permission permission, const std::string& summary,
               F run) {
  router.Add("POST", kBase + "/estimates/{id}/" + action,
             Handle(permission, [run](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               return EstimateResponse(TRY(run(ctx, caller, id, version)));
             }),
             {summary, "agency", true, nullptr, Ref("AgencyEstimate")});
}

}  // namespace

void InstallEstimateRoutes(http::Router& router, AgencyService& service) {
  AddList<EstimateRecord>(
      router, {kBase + "/estimates",
               "Estimates",
               "AgencyEstimate",
               {"status", "job_id", "client_id", "kind"},
               {"updated_at", "number", "status", "expected_close"},
               [&service](const auth::Principal& c, const ListQuery& q) { return service.ListEstimates(c, q); },
               [](const EstimateRecord& e) { return ToJson(e); },
               [](const EstimateRecord& e) { return e.id; },
               {"number", "revision", "kind", "job", "status", "total", "close_probability_percent", "expected_close",
                "approved_by", "approved_at"},
               [](const EstimateRecord& r) {
                 const auto j = ToJson(r);
                 const auto& e = r.estimate;
                 return std::vector<std::string>{
                     e.number, std::to_string(e.revision), j["kind"], r.job_number, EstimateStatusName(e.status),
                     j["totals"]["total"], e.close_probability_percent.ToString(),
                     e.expected_close ? e.expected_close->ToString() : "", e.approval ? e.approval->approved_by : "",
                     e.approval ? e.approval->approved_at.ToString() : ""};
               }});

  router.Add("GET", kBase + "/jobs/{id}/estimates",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& e : TRY(service.JobEstimates(caller, TRY(api::PathId(ctx))))) items.push_back(ToJson(e));
               return Response::Json({{"items", items}});
             }),
             {"A job's estimates, every revision and change order", "agency", true, nullptr,
              api::ListSchema(Ref("AgencyEstimate"))});

  router.Add("POST", kBase + "/jobs/{id}/estimates",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t job_id = TRY(api::PathId(ctx));
               const JobView job = TRY(service.GetJob(caller, job_id));
               const EstimateInput in = TRY(EstimateInputFrom(ctx.request, job.job.currency,
                                                                     TRY(DefaultExpenseMarkup(*service.exports.db))));
               return EstimateResponse(TRY(service.CreateEstimate(caller, job_id, in, ctx.request.request_id)), 201);
             }),
             {"Draft an estimate (LOE) for a job; labour lines without a rate take the rate card's", "agency", true,
              Ref("AgencyEstimateInput"), Ref("AgencyEstimate"), {}, 201});

  router.Add("GET", kBase + "/estimates/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return EstimateResponse(TRY(service.GetEstimate(caller, TRY(api::PathId(ctx)))));
             }),
             {"One estimate", "agency", true, nullptr, Ref("AgencyEstimate")});

  router.Add("PATCH", kBase + "/estimates/{id}",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const EstimateRecord current = TRY(service.GetEstimate(caller, id));
               const EstimateInput in = TRY(EstimateInputFrom(ctx.request, current.estimate.currency,
                                                                     TRY(DefaultExpenseMarkup(*service.exports.db))));
               return EstimateResponse(TRY(service.EditEstimate(caller, id, version, in, ctx.request.request_id)));
             }),
             {"Change a draft estimate (approved or sent ones are revised instead; If-Match required)", "agency", true,
              Ref("AgencyEstimateInput"), Ref("AgencyEstimate")});

  router.Add("GET", kBase + "/estimates/{id}/loe",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const bool sent = ctx.request.Query("sent").value_or("false") == "true";
               const LoeDocument doc = TRY(sent ? service.SentLoe(caller, id) : service.RenderLoe(caller, id));
               Response response = Response::Download(doc.bytes, doc.content_type, doc.file_name);
               response.headers["X-Content-SHA256"] = doc.sha256;
               return response;
             }),
             {"The Letter of Estimate document (sent=true: exactly the one sent, whose checksum the approval records)",
              "agency", true, nullptr, nullptr, {"sent"}});

  AddAction(router, "send", Permission::kAgencyWrite, "Send the LOE to the client (records its SHA-256)",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version) {
              return service.SendEstimate(caller, id, version, ctx.request.request_id);
            });
  AddAction(router, "decline", Permission::kAgencyApprove, "Record that the client declined the estimate",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version) {
              return service.DeclineEstimate(caller, id, version, ctx.request.request_id);
            });

  router.Add("POST", kBase + "/estimates/{id}/approve",
             Handle(Permission::kAgencyApprove, [&service](Context& ctx, const auth::Principal& caller)
                                                    -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               ApprovalInput in;
               in.approved_by = f.String("approved_by", 200).value_or("");
               const std::string method = f.String("method").value_or("portal");
               if (method == "email") in.method = ApprovalMethod::kEmail;
               else if (method == "signed_pdf") in.method = ApprovalMethod::kSignedPdf;
               else if (method != "portal") f.Fail("method", "field.choice", "email, portal or signed_pdf.");
               in.document_sha256 = f.String("document_sha256", 64);
               TRY(f.Finish("The approval"));
               return EstimateResponse(TRY(service.ApproveEstimate(caller, id, version, in, ctx.request.request_id)));
             }),
             {"Record the client's approval: who, how, when and the checksum of the LOE approved (If-Match)", "agency",
              true, Ref("AgencyApproval"), Ref("AgencyEstimate")});

  router.Add("POST", kBase + "/estimates/{id}/revise",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return EstimateResponse(TRY(service.ReviseEstimate(caller, TRY(api::PathId(ctx)), ctx.request.request_id)),
                                       201);
             }),
             {"Make revision N+1 of a sent, approved or declined estimate (a new draft)", "agency", true, nullptr,
              Ref("AgencyEstimate"), {}, 201});

  router.Add("POST", kBase + "/estimates/{id}/change-orders",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return EstimateResponse(TRY(service.AddChangeOrder(caller, TRY(api::PathId(ctx)), ctx.request.request_id)),
                                       201);
             }),
             {"Start a change order amending an approved estimate (its approval adds to the budget)", "agency", true,
              nullptr, Ref("AgencyEstimate"), {}, 201});
}

}  // namespace concord::agency::routes
