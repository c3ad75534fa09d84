// The coordinator's use cases (issue 4). Each write runs in one transaction, applies the pure rules
// (assignment.h, onboarding.h, classification.h, final_pay.h), saves, and appends the audit event in the
// same transaction. Reads and writes are scoped by the caller's tenancy (table_map.h): a client user sees
// their clients' records, a worker user only their own; anything else is "not found". Permissions are
// checked by the api layer before a use case is called.
//
// Escalation hook: any record here can open a service case. The service desk (its own module) links a
// case to a record by (entity, id) — the TableMap entity names below ("assignment", "worker", "psr",
// "timecard", …) are those link keys; this module keeps no case table of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "core/date.h"
#include "crypto/crypto.h"
#include "io/table.h"
#include "jobs/jobs.h"
#include "mail/mime.h"
#include "store/migrate.h"
#include "workforce/audits.h"
#include "workforce/classification_recheck.h"
#include "workforce/message_templates.h"
#include "workforce/records.h"

namespace concord::reconciliation {
class ReconciliationService;
}

namespace concord::workforce {

using nlohmann::json;

std::vector<store::Migration> Migrations();

struct PsrImportReport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int needs_details = 0;
  bool dry_run = false;
};

struct TimecardImportReport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

// An e-mail copy of an outbound timeline message.
struct MailCopy {
  std::string recipient;  // "worker" or "manager" (the assignment's manager_email)
  std::string purpose;    // the outbox's purpose: "timecard_reminder", "worker_message", …
};

class WorkforceService {
 public:
  WorkforceService(store::Database& db, const crypto::FieldKey& key) : db_(db), key_(key) {}
  // The VMS audit runs through the reconciliation engine; without it the audit use cases fail.
  void UseReconciliation(reconciliation::ReconciliationService* reconciliation) { reconciliation_ = reconciliation; }

  // Any record type: scoped lists, every matching row, one record (secrets removed).
  Result<RecordPage> List(const auth::Principal& caller, const TableMap& map, const ListRequest& request);
  Result<std::vector<json>> All(const auth::Principal& caller, const TableMap& map, const ListRequest& request);
  Result<json> Get(const auth::Principal& caller, const TableMap& map, int64_t id);

  // Programmes: one per client programme (MSP, VMS, processing instructions, check-ins).
  Result<json> CreateProgramme(const auth::Principal& caller, const json& input, const std::string& request_id);
  Result<json> UpdateProgramme(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                               const std::string& request_id);

  // Workers. `input.tax_id` (SSN/ITIN, or a foreign TIN) is sealed and masked, never stored in clear.
  Result<json> CreateWorker(const auth::Principal& caller, const json& input, const std::string& request_id);
  Result<json> UpdateWorker(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                            const std::string& request_id);
  Result<std::string> RevealWorkerTaxId(const auth::Principal& caller, int64_t id, const std::string& request_id);
  // The worker's timeline: messages, calls and notes, newest first.
  // `mail`: the entry also goes out by e-mail (mail::Enqueue, in the same transaction) to the worker or to
  // the entry's assignment's manager; nothing is queued when they have no address.
  Result<json> AddTimelineEntry(const auth::Principal& caller, int64_t worker_id, const json& input,
                                const std::string& request_id,
                                const std::optional<MailCopy>& mail = std::nullopt);

  // PSRs: entered from a client system, or imported from a VMS export through the programme's VMS
  // field mapping (all or nothing; the same file twice changes nothing). Details the programme requires
  // but the PSR lacks are listed in `missing` and become a task for the client/MSP.
  Result<json> CreatePsr(const auth::Principal& caller, const json& input, const std::string& request_id);
  Result<json> UpdatePsr(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                         const std::string& request_id);
  Result<PsrImportReport> ImportPsrs(const auth::Principal& caller, int64_t programme_id, const std::string& csv,
                                     const std::string& file_name, bool dry_run, const std::string& request_id);
  // A complete PSR becomes a requested assignment (finding the worker by email, else creating them).
  Result<json> ConvertPsr(const auth::Principal& caller, int64_t id, int64_t version, const std::string& request_id);

  // Assignments and their life cycle. `body.event` is one of assignment.h's events; the other members
  // are its facts (new_end_date, effective_date, pay_rate, end_reason, last_day_worked, reason, …).
  Result<json> CreateAssignment(const auth::Principal& caller, const json& input, const std::string& request_id);
  Result<json> ApplyEvent(const auth::Principal& caller, int64_t id, int64_t version, const json& body,
                          const std::string& request_id);
  // Onboarding/offboarding items: action "done" or "waive" (waiving needs a note).
  Result<json> SetChecklistItem(const auth::Principal& caller, int64_t id, int64_t version, const std::string& list,
                                const std::string& item_id, const std::string& action, const std::string& note,
                                const std::string& request_id);
  // A document for a checklist item, stored with its SHA-256; marks the item done.
  Result<json> AddDocument(const auth::Principal& caller, int64_t assignment_id, const std::string& item_id,
                           const std::string& file_name, const std::string& content_type, std::string bytes,
                           const std::string& request_id);
  Result<jobs::File> DocumentFile(const auth::Principal& caller, int64_t document_id);
  // Scores the classification questionnaire for a contractor's assignment; high risk or several
  // jurisdictions leave it "pending_approval" until an approver signs it.
  Result<json> Classify(const auth::Principal& caller, int64_t assignment_id, const json& answers,
                        const std::string& request_id);
  Result<json> ApproveDetermination(const auth::Principal& caller, int64_t id, int64_t version,
                                    const std::string& note, const std::string& request_id);
  // The separation letter of an ended assignment as PDF bytes (separation_letter.h); each issue is audited
  // with the letter's SHA-256.
  Result<std::string> SeparationLetterPdf(const auth::Principal& caller, int64_t assignment_id,
                                          const std::string& request_id);
  // A contractor's ready or active assignment continues as employment from `effective_date`
  // (conversion.h; body {effective_date, reason, note}, If-Match): the assignment and the worker become
  // W-2 (the worker's type_history keeps what they were), an employee checklist replaces the contractor's
  // and gates the timecards from that date, a pending approval is superseded and the re-check task closed
  // with the reason, the worker gets the "conversion" message, and the VMS update is pending.
  Result<json> ConvertToEmployee(const auth::Principal& caller, int64_t id, int64_t version, const json& body,
                                 const std::string& request_id);
  // SOW deliverables of a contractor's assignment (deliverable.h): added by the coordinator (refused on an
  // employee's assignment), then action "submit" (the contractor or the coordinator), "accept" or "reject"
  // with a reason (the client's user or internal); each step audited and noted on the worker's timeline.
  Result<json> CreateDeliverable(const auth::Principal& caller, const json& input, const std::string& request_id);
  Result<json> DecideDeliverable(const auth::Principal& caller, int64_t id, int64_t version, const std::string& action,
                                 const std::string& reason, const std::string& request_id);
  // Pending or rejected deliverables due before `today`, in the caller's scope: {count, items (first 10)}.
  Result<json> OverdueDeliverables(const auth::Principal& caller, Date today);
  // Every saved revision of an assignment, oldest first.
  Result<std::vector<json>> Revisions(const auth::Principal& caller, int64_t assignment_id);

  // Timecards: one per assignment and week (Monday); hours by day × regular/overtime/double_time.
  Result<json> SaveTimecard(const auth::Principal& caller, int64_t assignment_id, const std::string& week_start,
                            const json& hours, const std::string& request_id);
  // action: submit (the worker or a coordinator), approve / reject (the client's manager or internal).
  Result<json> DecideTimecard(const auth::Principal& caller, int64_t id, int64_t version, const std::string& action,
                              const std::string& reason, const std::string& request_id);
  // Timecards from a programme's VMS export (timecard_import.h): one timecard per work order and week,
  // with the VMS's status (Saved → draft, Submitted, Approved). All or nothing (errors name file, line and
  // column); importing the same file again changes nothing; an approved week is never overwritten.
  Result<TimecardImportReport> ImportTimecards(const auth::Principal& caller, int64_t programme_id,
                                               const std::string& csv, const std::string& file_name,
                                               const std::string& request_id);
  Result<json> CreateExpense(const auth::Principal& caller, const json& input, const std::string& request_id);
  // The expense's receipt: stored with its SHA-256 (like onboarding documents), replaced until the
  // expense is approved; read back in the expense's scope.
  Result<json> AttachReceipt(const auth::Principal& caller, int64_t expense_id, const std::string& file_name,
                             const std::string& content_type, std::string bytes, const std::string& request_id);
  Result<jobs::File> ReceiptFile(const auth::Principal& caller, int64_t expense_id);
  Result<json> DecideExpense(const auth::Principal& caller, int64_t id, int64_t version, const std::string& action,
                             const std::string& reason, const std::string& request_id);

  // Reports. Missing: assignments active in the week with no submitted or approved timecard. Pending:
  // submitted timecards with their age in days, grouped by manager. Rejected: rejected time and expenses.
  Result<std::vector<json>> MissingTimecards(const auth::Principal& caller, Date week_start);
  Result<json> PendingApprovals(const auth::Principal& caller, Date today);
  Result<std::vector<json>> Rejected(const auth::Principal& caller);
  // Periodic audits of assignment details (audits.h) over the caller's assignments.
  Result<std::vector<AuditFinding>> AuditFindings(const auth::Principal& caller, Date today);
  // The coordinator's home: counts and the first rows of today's work.
  Result<json> Home(const auth::Principal& caller, Date today);

  // The weekly VMS audit. The reconciliation source: the caller's assignments as the VMS shows them.
  Result<io::Table> AssignmentsTable(const auth::Principal& caller);
  // After a reconciliation run of the VMS audit: assignments whose VMS update was pending and that the
  // run no longer reports as different are cleared (audited). Returns how many were cleared.
  Result<int> ClearConfirmedVmsUpdates(const auth::Principal& caller, int64_t client_id,
                                       const std::vector<std::string>& differing_work_orders,
                                       const std::string& request_id);
  // A programme's audit: saves its reconciliation spec on first use, stores the VMS export and a snapshot
  // of the programme's assignments (VmsStatus, latest rates), and starts the run. Returns the run.
  Result<json> StartVmsAudit(const auth::Principal& caller, int64_t programme_id, const std::string& vms_csv,
                             const std::string& file_name, const std::string& request_id);
  // The weekly schedule: the job "workforce.vms_audit" reads the export the VMS drops at `vms_export_path`.
  Result<json> ScheduleVmsAudit(const auth::Principal& caller, int64_t programme_id, const std::string& cron,
                                const std::string& vms_export_path, const std::string& request_id);
  // The schedule as it stands ({cron, vms_export_path, next_run_at}), or null when there is none.
  Result<json> VmsAuditSchedule(const auth::Principal& caller, int64_t programme_id);
  // Stops the weekly audit (its runs stay). Returns null, the schedule there is now.
  Result<json> UnscheduleVmsAudit(const auth::Principal& caller, int64_t programme_id, const std::string& request_id);
  // Applies the latest finished run: pending VMS updates the VMS now agrees with are cleared.
  Result<json> ApplyVmsAudit(const auth::Principal& caller, int64_t programme_id, const std::string& request_id);
  // Alignment % per client and programme (latest run) and the trend (every finished run).
  Result<json> VmsAuditDashboard(const auth::Principal& caller);
  // Message and letter templates per programme (message_templates.h): every kind with the programme's own
  // text or the default; saved after validation (placeholder errors name line:column; `version` in the
  // input guards against a lost update, 0 for a first save), reset to the default; both audited.
  Result<json> ProgrammeTemplates(const auth::Principal& caller, int64_t programme_id);
  Result<json> SaveProgrammeTemplate(const auth::Principal& caller, int64_t programme_id, const std::string& kind,
                                     const json& input, const std::string& request_id);
  Result<json> ResetProgrammeTemplate(const auth::Principal& caller, int64_t programme_id, const std::string& kind,
                                      const std::string& request_id);
  Result<json> PreviewProgrammeTemplate(const auth::Principal& caller, int64_t programme_id, const std::string& kind,
                                        const json& input);
  // The text of `kind` for an assignment: its programme's own, or the default.
  Result<TemplateText> AssignmentTemplate(store::Connection& c, int64_t assignment_id, const std::string& kind);
  Result<TemplateText> AssignmentTemplate(int64_t assignment_id, const std::string& kind);
  // Enqueues a background XLSX export of a list (export_job.h) in the caller's scope; audited. The job.
  Result<json> EnqueueExport(const auth::Principal& caller, const json& payload, const std::string& request_id);
  // Registers "workforce.vms_audit" (scheduled audits), "workforce.reminders" (the weekly reminders) and
  // "workforce.export_xlsx" (lists exported in the background).
  void RegisterJobs(jobs::Registry& registry);

 private:
  Result<json> Insert(store::Connection& c, const TableMap& map, const auth::Principal& caller, json record,
                      const std::string& request_id);
  Result<json> Save(store::Connection& c, const TableMap& map, const auth::Principal& caller, const json& before,
                    const json& after, int64_t version, const std::string& action, const std::string& request_id);
  Status AddRevision(store::Connection& c, const auth::Principal& caller, const json& assignment,
                     const std::string& action, const std::string& effective_date);
  Status SealTaxId(const json& input, json& worker) const;
  // Saves a new PSR or its change (before null = new), working out what is missing and keeping the
  // PSR's task for the client/MSP in step.
  Result<json> SavePsr(store::Connection& c, const auth::Principal& caller, const json& programme, const json& before,
                       json psr, const std::string& request_id);
  // A new assignment in "requested" with its first rates and revision 1.
  Result<json> InsertAssignment(store::Connection& c, const auth::Principal& caller, json assignment,
                                const std::string& request_id);
  // A contractor's classification re-check (classification_recheck.h): opened with a task for the
  // coordinator when `need` is set — refused while an earlier one is still open — and closed by the next
  // final or approved determination. Both change `after`, which the caller saves.
  Status OpenRecheck(store::Connection& c, const auth::Principal& caller, const json& before, json& after,
                     const std::optional<RecheckNeed>& need, const std::string& request_id);
  Status CloseRecheck(store::Connection& c, const auth::Principal& caller, json& after, const json& determination,
                      const std::string& request_id);
  // Queues an outbound timeline `entry` (subject, body) as an e-mail to `to` (skipped when empty), naming the
  // record it concerns; returns the outbox id or 0.
  Result<int64_t> MailEntry(store::Connection& c, const auth::Principal& caller, const json& entry,
                            const std::string& to, const std::string& purpose,
                            std::vector<mail::MailAttachment> attachments, const std::string& request_id);
  // Renders the ended assignment's separation letter (its programme's template), audits its issue with the
  // SHA-256, and returns the PDF's bytes and the letter's subject and text.
  Result<std::pair<std::string, TemplateText>> IssueSeparationLetter(store::Connection& c, const auth::Principal& caller,
                                                                     int64_t assignment_id, const std::string& request_id);
  // A message to the worker from the assignment's programme template `kind`, filled from `record` (the
  // assignment as the message speaks of it) and `extra`: recorded on their timeline and mailed to them.
  Status MessageWorker(store::Connection& c, const auth::Principal& caller, const json& assignment, const json& record,
                       const json& worker, const std::string& kind, const TemplateValues& extra,
                       const std::string& request_id);
  // The notice of an end against the programme's minimum (notice.h): on give_notice to the planned end
  // date, on end to the last day worked; sets `after.notice` when the programme has a minimum.
  Status CheckEndNotice(store::Connection& c, const json& body, json& after, bool at_end);
  // Keeps each work order's status and end date from a programme's VMS export (for the audit alerts).
  Status RecordVmsWorkOrders(store::Connection& c, const auth::Principal& caller, const json& programme,
                             const std::string& vms_export, const std::string& file_name, const std::string& request_id);
  // A deliverable's step as a note on the worker's timeline ("Deliverable accepted: …").
  Status NoteDeliverable(store::Connection& c, const auth::Principal& caller, const json& deliverable,
                         const std::string& action, const std::string& request_id);
  // Marks an open task done, adding `outcome` to its detail (none, or not open: nothing).
  Status CloseTask(store::Connection& c, const auth::Principal& caller, const json& task_id,
                   const std::string& outcome, const std::string& request_id);
  // On the end event: the letter on the worker's timeline and by e-mail with the PDF attached.
  Status SendSeparationLetter(store::Connection& c, const auth::Principal& caller, const json& assignment,
                              const json& worker, const std::string& request_id);
  store::Database& db_;
  const crypto::FieldKey& key_;
  reconciliation::ReconciliationService* reconciliation_ = nullptr;
};

// A converted assignment's timecard week (conversion.h ConversionTimecardGate): refused while the
// employee checklist misses anything and the week reaches the conversion's effective date.
Status AssignmentConversionGate(const json& assignment, Date week_start);

// The facts of an assignment the audit (audits.h) takes from elsewhere: its short notice, and the latest VMS
// export's status and end date of its work order.
Status AddAlertFacts(store::Connection& c, const json& assignment, AssignmentSnapshot& snapshot);
// The findings that are alerts, as the home page lists them: {count, items}.
json HomeAlerts(const std::vector<AuditFinding>& findings);

// Today's date in UTC (the clock; the rules take dates as arguments).
Date TodayUtc();

// The rules of a PSR against its programme: the details still missing (required by every assignment, and
// the programme's required_psr_fields).
std::vector<std::string> MissingPsrDetails(const json& psr, const json& programme);

}  // namespace concord::workforce
