// Routes: billable time entries (late ones flagged), submit and approve (approved time is frozen).
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

Result<TimeInput> TimeInputFrom(const http::Request& request) {
  const auto body = TRY(api::JsonBody(request));
  api::Fields f(body);
  TimeInput in;
  in.job_id = f.Int("job_id");
  in.user_id = f.Int("user_id");
  in.service = f.String("service", 200);
  in.notes = f.String("notes", 5000);
  in.work_date = DateField(f, "work_date");
  in.minutes = f.Int("minutes");
  in.billable = f.Bool("billable");
  TRY(f.Finish("The time entry"));
  return in;
}

Response TimeResponse(const TimeRecord& t, int status = 200) {
  return api::WithETag(Response::Json(ToJson(t), status), t.version);
}

}  // namespace

void InstallTimeRoutes(http::Router& router, AgencyService& service) {
  AddList<TimeRecord>(router,
                      {kBase + "/time",
                       "Time entries",
                       "AgencyTimeEntry",
                       {"job_id", "user_id", "state", "late", "client_id"},
                       {"work_date", "person", "job", "minutes", "entered_at"},
                       [&service](const auth::Principal& c, const ListQuery& q) { return service.ListTime(c, q); },
                       [](const TimeRecord& t) { return ToJson(t); },
                       [](const TimeRecord& t) { return t.id; },
                       {"work_date", "person", "job", "service", "minutes", "billable", "entered_at", "late", "state",
                        "notes"},
                       [](const TimeRecord& t) {
                         return std::vector<std::string>{t.entry.work_date.ToString(), t.entry.person,
                                                         t.entry.job_number, t.entry.service,
                                                         std::to_string(t.entry.minutes),
                                                         t.entry.billable ? "yes" : "no", t.entry.entered_at.ToString(),
                                                         t.late ? "late" : "on time",
                                                         ToJson(t)["state"].get<std::string>(), t.notes};
                       },
                       &service.exports});

  router.Add("POST", kBase + "/time",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return TimeResponse(TRY(service.EnterTime(caller, TRY(TimeInputFrom(ctx.request)), ctx.request.request_id)),
                                   201);
             }),
             {"Enter billable time (accepted and flagged late after the N-business-day window; refused in a locked "
              "period without the override)",
              "agency", true, Ref("AgencyTimeInput"), Ref("AgencyTimeEntry"), {}, 201});

  router.Add("GET", kBase + "/time/{id}",
             Handle(Permission::kAgencyRead, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return TimeResponse(TRY(service.GetTime(caller, TRY(api::PathId(ctx)))));
             }),
             {"One time entry", "agency", true, nullptr, Ref("AgencyTimeEntry")});

  router.Add("PATCH", kBase + "/time/{id}",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const TimeInput in = TRY(TimeInputFrom(ctx.request));
               return TimeResponse(TRY(service.EditTime(caller, id, version, in, ctx.request.request_id)));
             }),
             {"Change a time entry (approved or invoiced time is frozen; If-Match required)", "agency", true,
              Ref("AgencyTimeInput"), Ref("AgencyTimeEntry")});

  router.Add("DELETE", kBase + "/time/{id}",
             Handle(Permission::kAgencyWrite, [&service](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               TRY(service.DeleteTime(caller, id, version, ctx.request.request_id));
               return Response::NoContent();
             }),
             {"Delete a time entry (not when frozen or locked; If-Match required)", "agency", true, nullptr, nullptr, {},
              204});

  for (const auto& [action, state, permission] :
       {std::tuple{"submit", TimeEntryState::kSubmitted, Permission::kAgencyWrite},
        std::tuple{"approve", TimeEntryState::kApproved, Permission::kAgencyAdmin}}) {
    const TimeEntryState to = state;
    router.Add("POST", kBase + "/time/{id}/" + action,
               Handle(permission, [&service, to](Context& ctx, const auth::Principal& caller) -> Result<Response> {
                 const int64_t id = TRY(api::PathId(ctx));
                 const int64_t version = TRY(api::IfMatchVersion(ctx.request));
                 return TimeResponse(TRY(service.AdvanceTime(caller, id, version, to, ctx.request.request_id)));
               }),
               {std::string(to == TimeEntryState::kApproved ? "Approve a time entry (it is frozen from then on)"
                                                            : "Submit a time entry for approval"),
                "agency", true, nullptr, Ref("AgencyTimeEntry")});
  }
}

}  // namespace concord::agency::routes
