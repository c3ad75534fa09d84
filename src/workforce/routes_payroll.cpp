// Payroll tickets over HTTP: the queue (list, search, filters, sort, CSV/XLSX, background XLSX), one
// ticket, opening one from a worker, research edits, the steps, and the home page's counts.
#include "api/api.h"
#include "workforce/comms_records.h"
#include "workforce/payroll_ticket.h"
#include "workforce/routes_comms.h"
#include "workforce/routes_support.h"

namespace concord::workforce {
namespace {

using api::Guarded;
using api::PathId;
using auth::Permission;
using http::Context;
using http::Response;

}  // namespace

Result<Date> TodayFrom(const http::Request& request) {
  const auto text = request.Query("today");
  if (!text || text->empty()) return TodayUtc();
  auto date = Date::Parse(*text);
  if (!date.ok()) return Error::BadRequest("request.bad_date", "today must be a date (YYYY-MM-DD).");
  return *date;
}

void InstallPayrollRoutes(http::Router& router, WorkforceService& workforce, PayrollTickets& tickets) {
  InstallList(router, workforce,
              {"/api/v1/payroll-tickets", "workforce", &PayrollTicketTable(), "PayrollTicket",
               {"client_id", "worker_id", "assignment_id", "status", "kind", "due_date"},
               {"id", "worker_name", "client_name", "kind", "subject", "pay_period_start", "pay_period_end", "amount",
                "currency", "status", "due_date", "payroll_reference", "resolution", "resolved_by", "created_at"},
               "payroll tickets"});
  router.Add(
      "GET", "/api/v1/payroll-tickets/summary",
      [&tickets](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json(TRY(tickets.Home(caller, TRY(TodayFrom(ctx.request)))));
        });
      },
      {"Unresolved payroll tickets by status and the follow-ups due by today (the coordinator's home)", "workforce",
       true, nullptr, {{"type", "object"}}, {"today"}});
  router.Add(
      "GET", "/api/v1/payroll-tickets/{id}",
      [&workforce](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(workforce.Get(caller, PayrollTicketTable(), TRY(PathId(ctx)))));
        });
      },
      {"One payroll ticket (ETag for If-Match)", "workforce", true, nullptr, Ref("PayrollTicket")});
  router.Add(
      "POST", "/api/v1/workers/{id}/payroll-tickets",
      [&tickets](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(tickets.Open(caller, TRY(PathId(ctx)), TRY(api::JsonBody(ctx.request)),
                                                 TRY(TodayFrom(ctx.request)), ctx.request.request_id)),
                                201);
        });
      },
      {"Open a payroll ticket on a worker (noted on the timeline; due date defaults to 2 or 5 business days)",
       "workforce", true, Ref("PayrollTicketInput"), Ref("PayrollTicket"), {"today"}, 201});
  router.Add(
      "PATCH", "/api/v1/payroll-tickets/{id}",
      [&tickets](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(
              TRY(tickets.Update(caller, id, version, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)));
        });
      },
      {"Record research on a payroll ticket: notes, amount, pay period, due date, payroll reference (If-Match)",
       "workforce", true, Ref("PayrollTicketUpdate"), Ref("PayrollTicket")});
  router.Add(
      "POST", "/api/v1/payroll-tickets/{id}/{action}",
      [&tickets](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(TRY(tickets.Act(caller, id, version, ctx.Param("action"), TRY(api::JsonBody(ctx.request)),
                                                TRY(TodayFrom(ctx.request)), ctx.request.request_id)));
        });
      },
      {"A ticket's step: send_to_payroll, await_worker, await_client, resolve ({resolution}), reopen ({note}); "
       "{note, due_date, payroll_reference} (If-Match; 409 when the step does not apply)",
       "workforce", true, Ref("PayrollTicketStep"), Ref("PayrollTicket"), {"today"}});
}

void InstallCommsRoutes(http::Router& router, WorkforceService& workforce, Comms& comms) {
  InstallPayrollRoutes(router, workforce, comms.payroll);
  InstallChannelRoutes(router, comms.imports);
  InstallKnowledgeRoutes(router, workforce, comms.knowledge);
}

}  // namespace concord::workforce
