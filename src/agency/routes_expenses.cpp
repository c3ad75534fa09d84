// Routes: job expenses — record, edit, approve / reject, receipts (raw body), lists with exports.
#include "agency/expenses.h"
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Result<ExpenseInput> ExpenseInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  ExpenseInput in;
  in.job_id = f.Int("job_id");
  in.expense_date = DateField(f, "expense_date");
  in.supplier = f.String("supplier", 200);
  in.category = f.String("category", 100);
  in.description = f.String("description", 2000);
  in.cost = DecimalField(f, "cost");
  in.currency = f.String("currency", 3);
  in.markup_percent = DecimalField(f, "markup_percent");
  in.billable = f.Bool("billable");
  TRY(f.Finish("The expense"));
  return in;
}

Response ExpenseResponse(const ExpenseRecord& x, int status = 200) {
  return api::WithETag(Response::Json(ToJson(x), status), x.version);
}

}  // namespace

void InstallExpenseRoutes(http::Router& router, ExpenseService& expenses) {
  const std::string base = kBase + "/expenses";
  AddList<ExpenseRecord>(
      router, {base,
               "Expenses",
               "AgencyExpense",
               {"job_id", "client_id", "state", "category", "billable"},
               {"expense_date", "supplier", "job", "state", "updated_at"},
               [&expenses](const auth::Principal& c, const ListQuery& q) { return expenses.List(c, q); },
               [](const ExpenseRecord& x) { return ToJson(x); },
               [](const ExpenseRecord& x) { return x.id; },
               {"expense_date", "job", "supplier", "category", "description", "cost", "markup_percent", "amount",
                "currency", "billable", "state", "receipt"},
               [](const ExpenseRecord& r) {
                 const Expense& x = r.expense;
                 return std::vector<std::string>{x.expense_date.ToString(), r.job_number, x.supplier, x.category,
                                                 x.description, x.cost.amount().ToString(),
                                                 x.markup_percent.ToString(), BillableAmount(x).amount().ToString(),
                                                 x.cost.currency(), x.billable ? "yes" : "no",
                                                 ExpenseStateName(x.state), r.receipt_name};
               },
               &expenses.agency().exports});

  router.Add("POST", base,
             Handle(Permission::kAgencyWrite, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const ExpenseInput in = TRY(ExpenseInputFrom(ctx.request));
               return ExpenseResponse(TRY(expenses.Create(caller, in, ctx.request.request_id)), 201);
             }),
             {"Record an expense on an open job (mark-up defaults to the approved estimate's for the category)",
              "agency", true, Ref("AgencyExpenseInput"), Ref("AgencyExpense"), {}, 201});

  router.Add("GET", base + "/{id}",
             Handle(Permission::kAgencyRead, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return ExpenseResponse(TRY(expenses.Get(caller, TRY(api::PathId(ctx)))));
             }),
             {"One expense", "agency", true, nullptr, Ref("AgencyExpense")});

  router.Add("PATCH", base + "/{id}",
             Handle(Permission::kAgencyWrite, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const ExpenseInput in = TRY(ExpenseInputFrom(ctx.request));
               return ExpenseResponse(TRY(expenses.Edit(caller, id, version, in, ctx.request.request_id)));
             }),
             {"Change an expense (approved or invoiced ones are frozen; If-Match required)", "agency", true,
              Ref("AgencyExpenseInput"), Ref("AgencyExpense")});

  router.Add("DELETE", base + "/{id}",
             Handle(Permission::kAgencyWrite, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               TRY(expenses.Delete(caller, id, version, ctx.request.request_id));
               return Response::NoContent();
             }),
             {"Delete an expense (not when frozen; If-Match required)", "agency", true, nullptr, nullptr, {}, 204});

  for (const auto& [action, state] : {std::pair{"approve", ExpenseState::kApproved},
                                      std::pair{"reject", ExpenseState::kRejected},
                                      std::pair{"resubmit", ExpenseState::kSubmitted}}) {
    const ExpenseState to = state;
    const Permission permission = to == ExpenseState::kSubmitted ? Permission::kAgencyWrite : Permission::kAgencyAdmin;
    router.Add("POST", base + "/{id}/" + action,
               Handle(permission, [&expenses, to](Context& ctx, const auth::Principal& caller) -> Result<Response> {
                 const int64_t id = TRY(api::PathId(ctx));
                 const int64_t version = TRY(api::IfMatchVersion(ctx.request));
                 nlohmann::json body = nlohmann::json::object();
                 if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
                 const std::string reason = body.value("reason", "");
                 return ExpenseResponse(TRY(expenses.Decide(caller, id, version, to, reason, ctx.request.request_id)));
               }),
               {std::string(to == ExpenseState::kApproved   ? "Approve an expense (frozen from then on; billable ones "
                                                              "can be invoiced)"
                            : to == ExpenseState::kRejected ? "Reject an expense with a reason"
                                                            : "Resubmit a rejected expense after correcting it"),
                "agency", true, nullptr, Ref("AgencyExpense")});
  }

  router.Add("PUT", base + "/{id}/receipt",
             Handle(Permission::kAgencyWrite, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               return ExpenseResponse(TRY(expenses.AttachReceipt(
                   caller, id, version, ctx.request.Query("file_name").value_or(""),
                   ctx.request.Header("Content-Type").value_or("application/octet-stream"), ctx.request.body,
                   ctx.request.request_id)));
             }),
             {"Attach the receipt (raw body; If-Match required)", "agency", true,
              {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}, Ref("AgencyExpense"),
              {"file_name"}});

  router.Add("GET", base + "/{id}/receipt",
             Handle(Permission::kAgencyRead, [&expenses](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const jobs::File file = TRY(expenses.Receipt(caller, TRY(api::PathId(ctx))));
               return Response::Download(file.content, file.content_type, file.name);
             }),
             {"Download the expense's receipt", "agency", true, nullptr, nullptr});
}

}  // namespace concord::agency::routes
