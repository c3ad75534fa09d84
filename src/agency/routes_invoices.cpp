// Routes: invoices — drafts, issue (numbered, then immutable), credit notes, delivery and payment.
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Response InvoiceResponse(const InvoiceRecord& i, int status = 200) {
  return api::WithETag(Response::Json(ToJson(i), status), i.version);
}

Result<InvoiceInput> InvoiceInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  InvoiceInput in;
  in.job_id = f.Int("job_id").value_or(0);
  in.source = f.String("source").value_or("");
  in.estimate_id = f.Int("estimate_id");
  in.tax_percent = DecimalField(f, "tax_percent").value_or(Decimal());
  in.payment_terms_days = static_cast<int>(f.Int("payment_terms_days").value_or(30));
  if (const auto* ids = f.Raw("time_entry_ids"); ids && ids->is_array()) {
    for (const auto& id : *ids) {
      if (id.is_number_integer()) in.time_entry_ids.push_back(id.get<int64_t>());
    }
  }
  if (const auto* schedule = f.Raw("milestones"); schedule && schedule->is_array()) {
    for (size_t i = 0; i < schedule->size(); ++i) {
      const auto& m = (*schedule)[i];
      auto percent = Decimal::Parse(m.value("percent", ""));
      if (!percent.ok()) {
        f.Fail("milestones[" + std::to_string(i) + "].percent", "field.decimal", "A percent written as text.");
        continue;
      }
      in.milestone_schedule.push_back({m.value("name", ""), *percent});
      if (m.value("bill", false)) in.milestone_indexes.push_back(i);
    }
  }
  if (in.job_id <= 0) f.Fail("job_id", "field.required", "Which job to invoice.");
  TRY(f.Finish("The invoice"));
  return in;
}

template <class F>
void AddAction(http::Router& router, const std::string& action, const std::string& summary, F run,
               Permission permission = Permission::kAgencyAdmin) {
  router.Add("POST", kBase + "/invoices/{id}/" + action,
             Handle(permission, [run](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               return InvoiceResponse(TRY(run(ctx, caller, id, version, body)));
             }),
             {summary, "agency", true, nullptr, Ref("AgencyInvoice")});
}

}  // namespace

void InstallInvoiceRoutes(http::Router& router, AgencyService& service) {
  AddList<InvoiceRecord>(
      router, {kBase + "/invoices",
               "Invoices",
               "AgencyInvoice",
               {"status", "kind", "job_id", "client_id", "delivery_status"},
               {"updated_at", "number", "issue_date", "due_date", "status"},
               [&service](const auth::Principal& c, const ListQuery& q) { return service.ListInvoices(c, q); },
               [](const InvoiceRecord& i) { return ToJson(i); },
               [](const InvoiceRecord& i) { return i.id; },
               {"number", "kind", "status", "job", "issue_date", "due_date", "subtotal", "tax", "total", "paid",
                "delivery_status"},
               [](const InvoiceRecord& i) {
                 const auto j = ToJson(i);
                 auto text = [&](const char* key) { return j[key].is_string() ? j[key].get<std::string>() : ""; };
                 return std::vector<std::string>{text("number"), text("kind"), text("status"), text("job_number"),
                                                 text("issue_date"), text("due_date"), text("subtotal"), text("tax"),
                                                 text("total"), text("paid"), text("delivery_status")};
               },
               &service.exports});

  router.Add("POST", kBase + "/invoices",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const InvoiceInput in = TRY(InvoiceInputFrom(ctx.request));
               return InvoiceResponse(TRY(service.DraftInvoice(caller, in, ctx.request.request_id)), 201);
             }),
             {"Draft an invoice from an approved estimate (fixed_fee, milestones) or approved time", "agency", true,
              Ref("AgencyInvoiceInput"), Ref("AgencyInvoice"), {}, 201});

  router.Add("GET", kBase + "/invoices/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return InvoiceResponse(TRY(service.GetInvoice(caller, TRY(api::PathId(ctx)))));
             }),
             {"One invoice or credit note with its payment status", "agency", true, nullptr, Ref("AgencyInvoice")});

  router.Add("GET", kBase + "/invoices/{id}/pdf",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const LoeDocument doc = TRY(service.InvoiceDocument(caller, TRY(api::PathId(ctx))));
               return Response::Download(doc.bytes, doc.content_type, doc.file_name);
             }),
             {"The invoice or credit note as PDF", "agency", true, nullptr, nullptr});

  AddAction(router, "issue", "Issue a draft: number it and freeze it and the time it bills (If-Match)",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version,
                       const nlohmann::json& body) -> Result<InvoiceRecord> {
              std::optional<Date> day;
              if (body.contains("issue_date") && body["issue_date"].is_string()) {
                auto parsed = Date::Parse(body["issue_date"].get<std::string>());
                if (!parsed.ok()) {
                  return Error::Invalid("field.date", "issue_date is not a date.",
                                        {{"issue_date", "field.date", "A date such as 2026-03-05."}});
                }
                day = *parsed;
              }
              return service.IssueInvoice(caller, id, version, day, ctx.request.request_id);
            });
  AddAction(router, "delivery", "Record a delivery of the invoice: channel, status, to whom (If-Match)",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version,
                       const nlohmann::json& body) -> Result<InvoiceRecord> {
              api::Fields f(body);
              DeliveryInput in;
              in.channel = f.String("channel", 20).value_or("email");
              in.status = f.String("delivery_status", 20).value_or("sent");
              in.to = f.String("delivered_to", 320).value_or("");
              in.note = f.String("note", 2000).value_or("");
              TRY(f.Finish("The delivery"));
              return service.RecordDelivery(caller, id, version, in, ctx.request.request_id);
            },
            Permission::kAgencyWrite);  // the coordinator sees invoices out to the client
  AddAction(router, "payments", "Record a payment received, partial or full, with its remittance reference (If-Match)",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version,
                       const nlohmann::json& body) -> Result<InvoiceRecord> {
              api::Fields f(body);
              PaymentInput in;
              const auto amount = DecimalField(f, "amount");
              if (!amount && !f.Has("amount")) f.Fail("amount", "field.required", "The amount received, e.g. \"100.00\".");
              in.amount = amount.value_or(Decimal());
              in.received_on = DateField(f, "received_on");
              in.reference = f.String("reference", 200).value_or("");
              TRY(f.Finish("The payment"));
              return service.RecordPayment(caller, id, version, in, ctx.request.request_id);
            });

  AddAction(router, "email", "E-mail the invoice PDF to the client's billing contact (or `to`) via the outbox; "
            "recorded as a delivery (If-Match)",
            [&service](Context& ctx, const auth::Principal& caller, int64_t id, int64_t version,
                       const nlohmann::json& body) -> Result<InvoiceRecord> {
              api::Fields f(body);
              EmailInput in;
              in.to = f.String("to", 320);
              in.note = f.String("note", 2000).value_or("");
              TRY(f.Finish("The e-mail"));
              return service.EmailInvoice(caller, id, version, in, ctx.request.request_id);
            },
            Permission::kAgencyWrite);

  router.Add("POST", kBase + "/invoices/{id}/credit-notes",
             Handle(Permission::kAgencyAdmin, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               CreditInput in;
               in.amount = DecimalField(f, "amount");
               in.reason = f.String("reason", 500).value_or("");
               if (const auto* indexes = f.Raw("line_indexes"); indexes && indexes->is_array()) {
                 for (const auto& index : *indexes) {
                   if (!index.is_number_unsigned()) {
                     f.Fail("line_indexes", "field.type", "Line numbers counted from 0.");
                     break;
                   }
                   in.line_indexes.push_back(index.get<size_t>());
                 }
               }
               TRY(f.Finish("The credit note"));
               return InvoiceResponse(TRY(service.CreditInvoice(caller, id, in, ctx.request.request_id)), 201);
             }),
             {"Draft a credit note for an issued invoice: all of it, some lines (line_indexes) or an amount with a "
              "reason; issue it like an invoice",
              "agency", true, Ref("AgencyCreditInput"), Ref("AgencyInvoice"), {}, 201});
}

}  // namespace concord::agency::routes
