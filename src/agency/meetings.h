// Status reports, contact reports with action items, and traffic meetings: the records and their use cases.
// Status and contact reports belong to one client (scoped like everything else); a traffic meeting is the
// agency's internal review of every open job, so only internal staff reach it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agency/loe.h"
#include "agency/meeting_rules.h"
#include "agency/service.h"

namespace concord::agency {

struct StatusReport {
  int64_t id = 0;
  int64_t client_id = 0;
  int64_t job_id = 0;
  std::string job_number, job_title;
  std::string status = "on_track";
  int progress = 0;
  Money budget, actual;
  std::string narrative;
  std::vector<MilestoneDate> milestones;  // the job's milestones when reported
  std::vector<MovedMilestone> moved;      // moved or added since the previous report
  std::optional<std::string> sent_at;
  std::string sent_to, author;
  int64_t version = 1;
  std::string created_at;
};

struct StatusReportInput {
  std::string status = "on_track";
  int progress = 0;
  std::optional<std::string> narrative;  // none: the previous report's, carried forward
};

struct ActionItem {
  int64_t id = 0;
  std::optional<int64_t> client_id, contact_report_id, traffic_meeting_id, job_id;
  std::string text;
  std::optional<int64_t> owner_user_id;
  std::optional<int64_t> owner_contact_id;  // a client contact (an attendee) owns it instead of the team
  std::string owner_name;
  std::optional<Date> due_date;
  std::optional<std::string> done_at;
  int64_t version = 1;
};

struct ActionItemInput {
  std::string text;
  std::optional<int64_t> owner_user_id, job_id;
  std::optional<Date> due_date;
  std::optional<int64_t> owner_contact_id;  // a contact of the item's client; at most one owner
};

struct Attendee {
  std::string name;
  std::string side = "client";  // client | agency
  std::string email;            // where the report is e-mailed (optional)
};

struct ContactReport {
  int64_t id = 0;
  int64_t client_id = 0;
  std::string client_name;
  Date meeting_date;
  std::vector<Attendee> attendees;
  std::string discussion, decisions;
  std::vector<int64_t> job_ids;
  Date distribute_by;
  std::optional<std::string> distributed_at;
  std::string distributed_to, author;
  bool distributed_late = false;
  std::vector<ActionItem> action_items;
  int64_t version = 1;
  std::string created_at;
};

struct ContactReportInput {
  int64_t client_id = 0;
  Date meeting_date;
  std::vector<Attendee> attendees;
  std::string discussion, decisions;
  std::vector<int64_t> job_ids;
  std::vector<ActionItemInput> action_items;
};

struct TrafficMeeting {
  int64_t id = 0;
  Date meeting_date;
  nlohmann::json agenda;  // [{job_id, job_number, title, client, owner, status, due, next_step, note}]
  std::optional<std::string> agreed_at;
  std::string author;
  std::vector<ActionItem> follow_ups;
  std::string minutes;  // the meeting's own notes (per-job notes are in the agenda)
  int64_t version = 1;
};

class MeetingService {
 public:
  MeetingService(store::Database& db, AgencyService& agency) : db_(db), agency_(agency) {}
  AgencyService& agency() { return agency_; }

  // Status reports: the draft pre-fills the narrative from the previous report and computes budget vs
  // actual and the milestones moved since then; creating one freezes those figures.
  Result<StatusReport> DraftStatusReport(const auth::Principal& caller, int64_t job_id);
  Result<StatusReport> CreateStatusReport(const auth::Principal& caller, int64_t job_id, const StatusReportInput& in,
                                          const std::string& request_id);
  Result<std::vector<StatusReport>> StatusReports(const auth::Principal& caller, int64_t job_id);
  Result<StatusReport> GetStatusReport(const auth::Principal& caller, int64_t id);
  Result<StatusReport> MarkStatusReportSent(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                            const std::string& to, const std::string& request_id);

  // Contact reports with action items; distributed to the client by the agency's deadline.
  Result<ContactReport> CreateContactReport(const auth::Principal& caller, const ContactReportInput& in,
                                            const std::string& request_id);
  Result<ContactReport> GetContactReport(const auth::Principal& caller, int64_t id);
  Result<std::vector<ContactReport>> ContactReports(const auth::Principal& caller, std::optional<int64_t> client_id);
  // The list screen's: q over client, discussion, decisions and attendees; filter client_id; sort meeting_date.
  Result<std::pair<std::vector<ContactReport>, KeyedRows>> ListContactReports(const auth::Principal& caller,
                                                                              const ListQuery& query);
  Result<ContactReport> DistributeContactReport(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                                const std::string& to, const std::string& request_id);
  // E-mails it (PDF attached) to every attendee with an address through the outbox, and records the
  // distribution in the same transaction (contact_report_mail.cpp).
  Result<ContactReport> EmailContactReport(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                           const std::string& request_id);

  // Action items (from contact reports and traffic meetings), tracked to done.
  Result<std::vector<ActionItem>> OpenActionItems(const auth::Principal& caller);
  Result<ActionItem> SetActionItemDone(const auth::Principal& caller, int64_t id, int64_t expected_version, bool done,
                                       const std::string& request_id);

  // Traffic meetings: the agenda is generated from open jobs; agreeing freezes it with the notes and adds
  // the follow-ups, which stay open until done.
  Result<TrafficMeeting> CreateTrafficMeeting(const auth::Principal& caller, Date meeting_date,
                                              const std::string& request_id);
  Result<TrafficMeeting> GetTrafficMeeting(int64_t id);
  Result<std::vector<TrafficMeeting>> TrafficMeetings();
  Result<TrafficMeeting> AgreeTrafficMeeting(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                             const nlohmann::json& notes, const std::vector<ActionItemInput>& follow_ups,
                                             const std::string& request_id);

  // Follow-ups (follow_up_service.cpp): the action-item list (q, filters state open|overdue|done, source
  // contact_report|traffic_meeting, done true|false, owner_user_id, client_id; sort due_date), a follow-up added to a meeting
  // at any time, and the meeting's notes saved while it is still open.
  Result<std::pair<std::vector<ActionItem>, KeyedRows>> ListActionItems(const auth::Principal& caller,
                                                                        const ListQuery& query);
  Result<ActionItem> AddFollowUp(const auth::Principal& caller, int64_t meeting_id, const ActionItemInput& in,
                                 const std::string& request_id);
  Result<TrafficMeeting> SaveTrafficNotes(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                          const std::string& minutes, const nlohmann::json& notes,
                                          const std::string& request_id);

  // The account's timeline: contact reports, status reports, approvals and invoices, newest first.
  Result<nlohmann::json> Timeline(const auth::Principal& caller, int64_t client_id);

 private:
  Result<ContactReport> RecordDistribution(store::Connection& c, const auth::Principal& caller, int64_t id,
                                           int64_t expected_version, const std::string& to,
                                           const std::string& request_id);

  store::Database& db_;
  AgencyService& agency_;
};

nlohmann::json ToJson(const StatusReport& report);
nlohmann::json ToJson(const ActionItem& item);
nlohmann::json ToJson(const ContactReport& report);
nlohmann::json ToJson(const TrafficMeeting& meeting);
// The status report as a one-sheet table (XLSX export) and as a document (PDF when the renderer lands).
io::Table StatusReportTable(const StatusReport& report);
Result<RenderedDocument> StatusReportDocument(const StatusReport& report);
// The contact report as the client receives it (contact_report_document.cpp).
Result<RenderedDocument> ContactReportDocument(const ContactReport& report);

}  // namespace concord::agency
