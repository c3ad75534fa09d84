// Routes: status reports (JSON, XLSX, document), contact reports with action items, traffic meetings and
// the account timeline.
#include "agency/routes_common.h"

namespace concord::agency::routes {
namespace {

using auth::Permission;

std::vector<ActionItemInput> ActionItemsFrom(const nlohmann::json* list, api::Fields& f, const std::string& field) {
  std::vector<ActionItemInput> out;
  if (!list || !list->is_array()) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& a = (*list)[i];
    ActionItemInput item;
    item.text = a.value("text", "");
    if (a.contains("owner_user_id") && a["owner_user_id"].is_number_integer()) item.owner_user_id = a["owner_user_id"];
    if (a.contains("owner_contact_id") && a["owner_contact_id"].is_number_integer()) {
      item.owner_contact_id = a["owner_contact_id"];
    }
    if (a.contains("job_id") && a["job_id"].is_number_integer()) item.job_id = a["job_id"];
    if (a.contains("due_date") && a["due_date"].is_string()) {
      auto due = Date::Parse(a["due_date"].get<std::string>());
      if (due.ok()) item.due_date = *due;
      else f.Fail(field + "[" + std::to_string(i) + "].due_date", "field.date", "A date such as 2026-03-05.");
    }
    out.push_back(std::move(item));
  }
  return out;
}

Response Versioned(const nlohmann::json& body, int64_t version, int status = 200) {
  return api::WithETag(Response::Json(body, status), version);
}

}  // namespace

void InstallMeetingRoutes(http::Router& router, MeetingService& meetings) {
  // ---- Status reports ---------------------------------------------------------------------------------
  router.Add("GET", kBase + "/jobs/{id}/status-reports",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               nlohmann::json items = nlohmann::json::array();
               for (const auto& s : TRY(meetings.StatusReports(caller, id))) items.push_back(ToJson(s));
               return Response::Json({{"items", items}, {"draft", ToJson(TRY(meetings.DraftStatusReport(caller, id)))}});
             }),
             {"A job's status reports, newest first, and the pre-filled draft of the next", "agency", true, nullptr,
              Ref("AgencyStatusReports")});

  router.Add("POST", kBase + "/jobs/{id}/status-reports",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               StatusReportInput in;
               in.status = f.String("status").value_or("on_track");
               in.progress = static_cast<int>(f.Int("progress").value_or(0));
               in.narrative = f.String("narrative", 50000);
               TRY(f.Finish("The status report"));
               const StatusReport s = TRY(meetings.CreateStatusReport(caller, id, in, ctx.request.request_id));
               return Versioned(ToJson(s), s.version, 201);
             }),
             {"Record a status report (budget vs actual and moved milestones are computed and frozen)", "agency", true,
              Ref("AgencyStatusReportInput"), Ref("AgencyStatusReport"), {}, 201});

  router.Add("GET", kBase + "/status-reports/{id}",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const StatusReport s = TRY(meetings.GetStatusReport(caller, TRY(api::PathId(ctx))));
               return Versioned(ToJson(s), s.version);
             }),
             {"One status report", "agency", true, nullptr, Ref("AgencyStatusReport")});

  for (const std::string format : {"xlsx", "csv"}) {
    router.Add("GET", kBase + "/status-reports/{id}/export." + format,
               Handle(Permission::kAgencyRead, [&meetings, format](Context& ctx, const auth::Principal& caller)
                                                   -> Result<Response> {
                 const StatusReport s = TRY(meetings.GetStatusReport(caller, TRY(api::PathId(ctx))));
                 const io::Table table = StatusReportTable(s);
                 const std::string name = "status-report-" + s.job_number + "-" + std::to_string(s.id) + "." + format;
                 if (format == "csv") return Response::Download(io::ToCsv(table), io::kCsvType, name);
                 return Response::Download(TRY(io::ToXlsx(table)), io::kXlsxType, name);
               }),
               {"A status report as " + format, "agency", true, nullptr, nullptr});
  }

  router.Add("GET", kBase + "/status-reports/{id}/export.pdf",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const StatusReport s = TRY(meetings.GetStatusReport(caller, TRY(api::PathId(ctx))));
               const RenderedDocument doc = TRY(StatusReportDocument(s));
               return Response::Download(doc.bytes, doc.content_type, doc.file_name);
             }),
             {"A status report as PDF", "agency", true, nullptr, nullptr});

  router.Add("POST", kBase + "/status-reports/{id}/send",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               const StatusReport s = TRY(
                   meetings.MarkStatusReportSent(caller, id, version, body.value("sent_to", ""), ctx.request.request_id));
               return Versioned(ToJson(s), s.version);
             }),
             {"Record that the status report was sent to the client (If-Match)", "agency", true, nullptr,
              Ref("AgencyStatusReport")});

  // ---- Contact reports and action items ---------------------------------------------------------------
  AddList<ContactReport>(
      router, {kBase + "/contact-reports",
               "Contact reports",
               "AgencyContactReport",
               {"client_id"},
               {"meeting_date", "client", "distribute_by"},
               [&meetings](const auth::Principal& caller, const ListQuery& q) {
                 return meetings.ListContactReports(caller, q);
               },
               [](const ContactReport& r) { return ToJson(r); },
               [](const ContactReport& r) { return r.id; },
               {"Meeting", "Client", "Attendees", "Decisions", "Open actions", "Due to client", "Distributed"},
               [](const ContactReport& r) {
                 std::string names;
                 for (const auto& a : r.attendees) names += (names.empty() ? "" : ", ") + a.name;
                 int open = 0;
                 for (const auto& a : r.action_items) open += a.done_at ? 0 : 1;
                 return std::vector<std::string>{r.meeting_date.ToString(), r.client_name, names, r.decisions,
                                                 std::to_string(open), r.distribute_by.ToString(),
                                                 r.distributed_at.value_or("")};
               }});

  router.Add("GET", kBase + "/contact-reports/{id}/pdf",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const ContactReport r = TRY(meetings.GetContactReport(caller, TRY(api::PathId(ctx))));
               const RenderedDocument doc = TRY(ContactReportDocument(r));
               return Response::Download(doc.bytes, doc.content_type, doc.file_name);
             }),
             {"The contact report as PDF (what the client receives)", "agency", true, nullptr, nullptr});

  router.Add("POST", kBase + "/contact-reports",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               ContactReportInput in;
               in.client_id = f.Int("client_id").value_or(0);
               const auto date = DateField(f, "meeting_date");
               if (!date) f.Fail("meeting_date", "field.required", "When was the meeting?");
               in.discussion = f.String("discussion", 50000).value_or("");
               in.decisions = f.String("decisions", 50000).value_or("");
               if (const auto* list = f.Raw("attendees"); list && list->is_array()) {
                 for (size_t i = 0; i < list->size(); ++i) {
                   const auto& a = (*list)[i];
                   Attendee attendee{a.value("name", ""), a.value("side", "client"), a.value("email", "")};
                   if (attendee.name.empty()) {
                     f.Fail("attendees[" + std::to_string(i) + "].name", "field.required", "Name the attendee.");
                   }
                   if (!attendee.email.empty() && attendee.email.find('@') == std::string::npos) {
                     f.Fail("attendees[" + std::to_string(i) + "].email", "field.email", "An e-mail address.");
                   }
                   in.attendees.push_back(std::move(attendee));
                 }
               }
               if (const auto* ids = f.Raw("job_ids"); ids && ids->is_array()) {
                 for (const auto& id : *ids) {
                   if (id.is_number_integer()) in.job_ids.push_back(id.get<int64_t>());
                 }
               }
               in.action_items = ActionItemsFrom(f.Raw("action_items"), f, "action_items");
               TRY(f.Finish("The contact report"));
               in.meeting_date = *date;
               const ContactReport r = TRY(meetings.CreateContactReport(caller, in, ctx.request.request_id));
               return Versioned(ToJson(r), r.version, 201);
             }),
             {"Record a contact report with its action items (due to the client by the agency's deadline)", "agency",
              true, Ref("AgencyContactReportInput"), Ref("AgencyContactReport"), {}, 201});

  router.Add("GET", kBase + "/contact-reports/{id}",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const ContactReport r = TRY(meetings.GetContactReport(caller, TRY(api::PathId(ctx))));
               return Versioned(ToJson(r), r.version);
             }),
             {"One contact report with its action items", "agency", true, nullptr, Ref("AgencyContactReport")});

  router.Add("POST", kBase + "/contact-reports/{id}/email",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const ContactReport r = TRY(meetings.EmailContactReport(caller, id, version, ctx.request.request_id));
               return Versioned(ToJson(r), r.version);
             }),
             {"E-mail the contact report (PDF attached) to its attendees through the outbox and record it (If-Match)",
              "agency", true, nullptr, Ref("AgencyContactReport")});

  router.Add("POST", kBase + "/contact-reports/{id}/distribute",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               const ContactReport r = TRY(meetings.DistributeContactReport(
                   caller, id, version, body.value("distributed_to", ""), ctx.request.request_id));
               return Versioned(ToJson(r), r.version);
             }),
             {"Record the contact report's distribution to the client (If-Match)", "agency", true, nullptr,
              Ref("AgencyContactReport")});

  AddList<ActionItem>(router, {kBase + "/action-items",
                               "Action items and follow-ups",
                               "AgencyActionItem",
                               {"state", "done", "source", "owner_user_id", "owner_contact_id", "client_id"},
                               {"due_date", "text", "owner"},
                               [&meetings](const auth::Principal& caller, const ListQuery& q) {
                                 return meetings.ListActionItems(caller, q);
                               },
                               [](const ActionItem& a) { return ToJson(a); },
                               [](const ActionItem& a) { return a.id; },
                               {"Action", "Owner", "Due", "Done", "From"},
                               [](const ActionItem& a) {
                                 return std::vector<std::string>{
                                     a.text, a.owner_name, a.due_date ? a.due_date->ToString() : "",
                                     a.done_at.value_or(""),
                                     a.contact_report_id ? "contact report " + std::to_string(*a.contact_report_id)
                                     : a.traffic_meeting_id
                                         ? "traffic meeting " + std::to_string(*a.traffic_meeting_id)
                                         : ""};
                               }});

  router.Add("POST", kBase + "/action-items/{id}/done",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               const ActionItem a =
                   TRY(meetings.SetActionItemDone(caller, id, version, body.value("done", true), ctx.request.request_id));
               return Versioned(ToJson(a), a.version);
             }),
             {"Mark an action item done (done=false reopens it; If-Match)", "agency", true, nullptr,
              Ref("AgencyActionItem")});

  // ---- Traffic meetings (internal) --------------------------------------------------------------------
  router.Add("GET", kBase + "/traffic-meetings",
             Handle(Permission::kAgencyWrite, [&meetings](Context&, const auth::Principal&) -> Result<Response> {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : TRY(meetings.TrafficMeetings())) items.push_back(ToJson(m));
               return Response::Json({{"items", items}});
             }),
             {"Traffic meetings, newest first (agency staff only)", "agency", true, nullptr,
              api::ListSchema(Ref("AgencyTrafficMeeting"))});

  router.Add("POST", kBase + "/traffic-meetings",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               nlohmann::json body = nlohmann::json::object();
               if (!ctx.request.body.empty()) body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               const auto date = DateField(f, "meeting_date");
               TRY(f.Finish("The traffic meeting"));
               const TrafficMeeting m = TRY(meetings.CreateTrafficMeeting(
                   caller, date.value_or(meetings.agency().Today()), ctx.request.request_id));
               return Versioned(ToJson(m), m.version, 201);
             }),
             {"Start a traffic meeting: the agenda is generated from every open job", "agency", true, nullptr,
              Ref("AgencyTrafficMeeting"), {}, 201});

  router.Add("GET", kBase + "/traffic-meetings/{id}",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal&) -> Result<Response> {
               const TrafficMeeting m = TRY(meetings.GetTrafficMeeting(TRY(api::PathId(ctx))));
               return Versioned(ToJson(m), m.version);
             }),
             {"One traffic meeting with its follow-ups", "agency", true, nullptr, Ref("AgencyTrafficMeeting")});

  router.Add("POST", kBase + "/traffic-meetings/{id}/agree",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               const auto follow_ups = ActionItemsFrom(f.Raw("follow_ups"), f, "follow_ups");
               TRY(f.Finish("The agreement"));
               const nlohmann::json notes = body.value("notes", nlohmann::json::object());
               const TrafficMeeting m =
                   TRY(meetings.AgreeTrafficMeeting(caller, id, version, notes, follow_ups, ctx.request.request_id));
               return Versioned(ToJson(m), m.version);
             }),
             {"Freeze what was agreed (notes per job number) and add the follow-ups (If-Match)", "agency", true, nullptr,
              Ref("AgencyTrafficMeeting")});

  router.Add("POST", kBase + "/traffic-meetings/{id}/notes",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const int64_t version = TRY(api::IfMatchVersion(ctx.request));
               const auto body = TRY(api::JsonBody(ctx.request));
               api::Fields f(body);
               const std::string minutes = f.String("minutes", 50000).value_or("");
               TRY(f.Finish("The notes"));
               const TrafficMeeting m = TRY(meetings.SaveTrafficNotes(
                   caller, id, version, minutes, body.value("notes", nlohmann::json::object()), ctx.request.request_id));
               return Versioned(ToJson(m), m.version);
             }),
             {"Save the meeting's notes (minutes, and notes per job number) until it is agreed (If-Match)", "agency",
              true, nullptr, Ref("AgencyTrafficMeeting")});

  router.Add("POST", kBase + "/traffic-meetings/{id}/follow-ups",
             Handle(Permission::kAgencyWrite, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               const int64_t id = TRY(api::PathId(ctx));
               const nlohmann::json body = nlohmann::json::array({TRY(api::JsonBody(ctx.request))});
               const nlohmann::json none = nlohmann::json::object();
               api::Fields f(none);
               auto items = ActionItemsFrom(&body, f, "follow_up");
               TRY(f.Finish("The follow-up"));
               const ActionItem a = TRY(meetings.AddFollowUp(caller, id, items.front(), ctx.request.request_id));
               return Versioned(ToJson(a), a.version, 201);
             }),
             {"Add a follow-up (text, owner_user_id, due_date, job_id) to a traffic meeting", "agency", true, nullptr,
              Ref("AgencyActionItem"), {}, 201});

  router.Add("GET", kBase + "/accounts/{id}/timeline",
             Handle(Permission::kAgencyRead, [&meetings](Context& ctx, const auth::Principal& caller) -> Result<Response> {
               return Response::Json({{"items", TRY(meetings.Timeline(caller, TRY(api::PathId(ctx))))}});
             }),
             {"The account's timeline: contact reports, status reports, approvals, invoices, jobs opened", "agency",
              true, nullptr, {{"type", "object"}, {"properties", {{"items", {{"type", "array"}}}}}}});
}

}  // namespace concord::agency::routes
