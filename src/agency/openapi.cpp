// OpenAPI component schemas of the agency's records (referenced by its routes as #/components/schemas/Agency*).
#include "agency/meeting_rules.h"
#include "agency/openapi_types.h"
#include "agency/routes.h"

namespace concord::agency {
namespace {

using namespace openapi_types;

const std::vector<std::string> kJobStatuses = {"open", "in_progress", "on_hold", "completed", "invoiced", "closed",
                                               "cancelled"};

}  // namespace

nlohmann::json OpenApiSchemas() {
  const json line = Object({{"kind", Enum({"labor", "expense", "fee"})}, {"service", Str()}, {"description", Str()},
                            {"hours", Amount()}, {"rate", Amount()}, {"cost", Amount()}, {"markup_percent", Amount()},
                            {"amount", Amount()}});
  const json milestone = Object({{"name", Str()}, {"due", Str()}, {"done", Bool()}});
  const json alert = Object({{"code", Str()}, {"message", Str()}, {"days", Int()}, {"threshold_percent", Int()},
                             {"percent_used", Str()}});
  const json job = Object({{"id", Int()}, {"client_id", Int()}, {"client_name", Str()}, {"number", Str()},
                           {"title", Str()}, {"job_type", Str()}, {"description", Str()}, {"brief", Str()},
                           {"owner_user_id", NullableInt()}, {"owner_name", Str()}, {"status", Enum(kJobStatuses)},
                           {"billable", Bool()}, {"currency", Str()}, {"start_date", NullableStr()},
                           {"due_date", NullableStr()}, {"milestones", Array(milestone)}, {"budget", Amount()},
                           {"has_approved_estimate", Bool()}, {"approved_change_orders", Int()}, {"actual", Amount()},
                           {"billable_minutes", Int()}, {"lacks_approved_estimate", Bool()}, {"alerts", Array(alert)},
                           {"version", Int()}, {"created_at", Str()}, {"updated_at", Str()}});
  const json estimate = Object(
      {{"id", Int()}, {"client_id", Int()}, {"job_id", Int()}, {"job_number", Str()}, {"number", Str()},
       {"revision", Int()}, {"kind", Enum({"original", "change_order"})}, {"parent_number", Str()},
       {"status", Enum({"draft", "sent", "approved", "declined", "superseded"})}, {"currency", Str()},
       {"lines", Array(line)}, {"terms", Str()}, {"close_probability_percent", Amount()},
       {"expected_close", NullableStr()}, {"sent_document_sha256", NullableStr()}, {"sent_at", NullableStr()},
       {"approval", {{"type", {"object", "null"}},
                     {"properties", {{"approved_by", Str()}, {"method", Enum({"email", "portal", "signed_pdf"})},
                                     {"approved_at", Str()}, {"document_sha256", Str()}}}}},
       {"totals", Object({{"labor", Amount()}, {"expenses", Amount()}, {"fees", Amount()}, {"markup", Amount()},
                          {"total", Amount()}})},
       {"version", Int()}, {"created_at", Str()}, {"updated_at", Str()}});
  const json time = Object({{"id", Int()}, {"client_id", Int()}, {"job_id", Int()}, {"job_number", Str()},
                            {"user_id", Int()}, {"person", Str()}, {"service", Str()}, {"work_date", Str()},
                            {"minutes", Int()}, {"billable", Bool()}, {"notes", Str()}, {"entered_at", Str()},
                            {"late", Bool()}, {"state", Enum({"open", "submitted", "approved", "invoiced"})},
                            {"frozen", Bool()}, {"invoice_id", NullableInt()}, {"version", Int()}});
  const json invoice_line = Object({{"description", Str()}, {"quantity", Amount()}, {"unit", Str()},
                                    {"unit_price", Amount()}, {"amount", Amount()}});
  const json invoice = Object(
      {{"id", Int()}, {"client_id", Int()}, {"job_id", Int()}, {"job_number", Str()},
       {"kind", Enum({"invoice", "credit_note"})}, {"status", Enum({"draft", "issued"})}, {"number", NullableStr()},
       {"source", Str()}, {"currency", Str()}, {"lines", Array(invoice_line)}, {"tax_percent", Amount()},
       {"payment_terms_days", Int()}, {"issue_date", NullableStr()}, {"due_date", NullableStr()},
       {"credited_invoice_id", NullableInt()}, {"credited_invoice_number", Str()}, {"subtotal", Amount()},
       {"tax", Amount()}, {"total", Amount()}, {"paid", Amount()}, {"delivery_status", Enum({"not_sent", "sent", "delivered", "bounced", "queued", "held", "failed"})},
       {"delivered_to", Str()}, {"delivered_at", NullableStr()}, {"credited", Amount()},
       {"stage", Enum({"draft", "issued", "sent", "partially_paid", "overdue", "paid", "credited"})},
       {"payments", Array(Ref("AgencyPayment"))}, {"deliveries", Array(Ref("AgencyDelivery"))},
       {"payment", {{"type", {"object", "null"}},
                    {"properties", {{"state", Enum({"unpaid", "partially_paid", "paid"})}, {"overdue", Bool()},
                                    {"outstanding", Amount()}}}}},
       {"version", Int()}, {"created_at", Str()}, {"updated_at", Str()}});
  const json dated = Object({{"name", Str()}, {"due", Str()}});
  const json status_report = Object(
      {{"id", Int()}, {"client_id", Int()}, {"job_id", Int()}, {"job_number", Str()}, {"job_title", Str()},
       {"status", Enum(kReportStatuses)}, {"progress", Int()}, {"budget", Amount()}, {"actual", Amount()},
       {"currency", Str()}, {"narrative", Str()}, {"milestones", Array(dated)},
       {"milestones_moved", Array(Object({{"name", Str()}, {"was", NullableStr()}, {"now", Str()}}))},
       {"sent_at", NullableStr()}, {"sent_to", Str()}, {"author", Str()}, {"version", Int()}, {"created_at", Str()}});
  const json action_item = Object({{"id", Int()}, {"client_id", NullableInt()}, {"contact_report_id", NullableInt()},
                                   {"traffic_meeting_id", NullableInt()}, {"job_id", NullableInt()}, {"text", Str()},
                                   {"owner_user_id", NullableInt()}, {"owner_contact_id", NullableInt()},
                                   {"owner_name", Str()}, {"due_date", NullableStr()}, {"done_at", NullableStr()},
                                   {"version", Int()}});
  const json attendee = Object({{"name", Str()}, {"side", Enum({"client", "agency"})}, {"email", Str()}});
  const json contact_report = Object(
      {{"id", Int()}, {"client_id", Int()}, {"client_name", Str()}, {"meeting_date", Str()},
       {"attendees", Array(attendee)}, {"discussion", Str()}, {"decisions", Str()}, {"job_ids", Array(Int())},
       {"distribute_by", Str()}, {"distributed_at", NullableStr()}, {"distributed_to", Str()},
       {"distributed_late", Bool()}, {"author", Str()}, {"action_items", Array(action_item)}, {"version", Int()},
       {"created_at", Str()}});
  json schemas = {
      {"AgencyJob", job},
      {"AgencyJobInput",
       Object({{"client_id", Int()}, {"title", Str()}, {"job_type", Str()}, {"description", Str()}, {"brief", Str()},
               {"owner_user_id", NullableInt()}, {"billable", Bool()}, {"currency", Str()},
               {"start_date", NullableStr()}, {"due_date", NullableStr()}, {"milestones", Array(milestone)}})},
      {"AgencyHome",
       Object({{"today", Str()}, {"jobs_needing_attention", Array(job)}, {"estimates_awaiting_approval", Array(estimate)},
               {"late_time", Array(time)}, {"jobs_without_approved_loe", Array(job)}})},
      {"AgencyEstimate", estimate},
      {"AgencyEstimateInput", Object({{"lines", Array(line)}, {"terms", Str()}, {"close_probability_percent", Amount()},
                                      {"expected_close", NullableStr()}})},
      {"AgencyApproval", Object({{"approved_by", Str()}, {"method", Enum({"email", "portal", "signed_pdf"})},
                                 {"document_sha256", Str()}})},
      {"AgencyTimeEntry", time},
      {"AgencyTimeInput", Object({{"job_id", Int()}, {"user_id", Int()}, {"service", Str()}, {"work_date", Str()},
                                  {"minutes", Int()}, {"billable", Bool()}, {"notes", Str()}})},
      {"AgencyInvoice", invoice},
      {"AgencyInvoiceInput",
       Object({{"job_id", Int()}, {"source", Enum({"fixed_fee", "milestones", "time_and_expenses"})},
               {"estimate_id", NullableInt()}, {"time_entry_ids", Array(Int())}, {"tax_percent", Amount()},
               {"payment_terms_days", Int()},
               {"milestones", Array(Object({{"name", Str()}, {"percent", Amount()}, {"bill", Bool()}}))}})},
      {"AgencyCompliance",
       Object({{"from", Str()}, {"to", Str()},
               {"items", Array(Object({{"person", Str()}, {"entries", Int()}, {"late", Int()},
                                       {"on_time_percent", Amount()}}))}})},
      {"AgencyReminders",
       Object({{"items", Array(Object({{"user_id", Int()}, {"person", Str()}, {"lead_user_id", NullableInt()},
                                       {"lead_name", Str()}, {"late_entries", Int()}, {"late_minutes", Int()},
                                       {"message", Str()}}))}})},
      {"AgencyStatusReport", status_report},
      {"AgencyStatusReportInput",
       Object({{"status", Enum(kReportStatuses)}, {"progress", Int()}, {"narrative", Str()}})},
      {"AgencyStatusReports", Object({{"items", Array(status_report)}, {"draft", status_report}})},
      {"AgencyActionItem", action_item},
      {"AgencyContactReport", contact_report},
      {"AgencyContactReportInput",
       Object({{"client_id", Int()}, {"meeting_date", Str()}, {"attendees", Array(attendee)}, {"discussion", Str()},
               {"decisions", Str()}, {"job_ids", Array(Int())},
               {"action_items", Array(Object({{"text", Str()}, {"owner_user_id", NullableInt()},
                                              {"owner_contact_id", NullableInt()}, {"job_id", NullableInt()},
                                              {"due_date", NullableStr()}}))}})},
      {"AgencyTrafficMeeting",
       Object({{"id", Int()}, {"meeting_date", Str()},
               {"agenda", Array(Object({{"job_id", Int()}, {"job_number", Str()}, {"title", Str()}, {"client", Str()},
                                        {"owner", Str()}, {"status", Str()}, {"due", NullableStr()},
                                        {"next_step", Str()}, {"note", Str()}}))},
               {"agreed_at", NullableStr()}, {"frozen", Bool()}, {"minutes", Str()}, {"author", Str()},
               {"follow_ups", Array(action_item)},
               {"version", Int()}})},
      {"AgencyForecast",
       Object({{"currency", Str()},
               {"months", Array(Object({{"month", Str()}, {"pipeline", Amount()}, {"committed", Amount()},
                                        {"burn", Amount()}, {"expected", Amount()}}))}})},
  };
  schemas.update(AccountOpenApiSchemas());  // openapi_accounts.cpp
  schemas.update(BillingSchemas());         // openapi_billing.cpp
  schemas.update(AccountReportSchemas());   // openapi_account_reports.cpp
  return schemas;
}

}  // namespace concord::agency
