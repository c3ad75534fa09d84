// The coordinator's day through WorkforceService, on every backend: VMS export → PSR → assignment →
// onboarding blocked → documents → active → timecards → extension → end with the final-pay deadline →
// the VMS audit; and every record type's tenancy (another client's user, another worker: not found).
#include "workforce/service.h"
#include "workforce/service_fixture.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <fstream>

#include "auth/accounts.h"
#include "clients/service.h"
#include "jobs/jobs.h"
#include "jobs/schedules.h"
#include "mail/outbox.h"
#include "reconciliation/service.h"
#include "store/testing.h"
#include "workforce/export_job.h"
#include "workforce/reminders.h"

namespace concord::workforce {
namespace {


TEST_P(WorkforceServiceTest, WorkerTaxIdIsSealedMaskedAndRevealedWithAnAuditEvent) {
  const json worker = Ok(service_->CreateWorker(
      coordinator_, {{"first_name", "Ada"}, {"last_name", "Okafor"}, {"worker_type", "w2_employee"},
                     {"tax_id", "123 45 6789"}},
      "t"));
  EXPECT_EQ(worker["tax_id_masked"], "***-**-6789");
  EXPECT_FALSE(worker.contains("tax_id_sealed"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_workers WHERE tax_id_sealed LIKE '%6789%'"), 0);
  EXPECT_EQ(Ok(service_->RevealWorkerTaxId(coordinator_, worker["id"].get<int64_t>(), "t")), "123-45-6789");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'worker' AND action = 'reveal_tax_id'"), 1);
  auto bad = service_->CreateWorker(coordinator_, {{"first_name", "A"}, {"last_name", "B"},
                                                   {"worker_type", "w2_employee"}, {"tax_id", "12-345"}},
                                    "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "tax_id");
}

// The same export saved as .xlsx by another program (tests/fixtures/xlsx/make_fixtures.py): real date
// cells and numeric rates map to the same PSRs as the CSV, so importing the CSV afterwards changes nothing.
TEST_P(WorkforceServiceTest, VmsImportReadsAnXlsxExportLikeItsCsv) {
  const int64_t programme_id = programme_["id"].get<int64_t>();
  auto fixture = [](const std::string& name) {
    std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  // Sniffed by content: the name says .csv but the bytes are a workbook.
  auto refused = service_->ImportPsrs(coordinator_, programme_id, fixture("fieldglass-broken.xlsx"), "upload.csv",
                                      false, "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "upload.csv, row 5, cell H5 (Start Date)");
  EXPECT_EQ(refused.error().fields[1].field, "upload.csv, row 5, cell J5 (Pay Rate)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_psrs"), 0);

  const PsrImportReport first =
      Ok(service_->ImportPsrs(coordinator_, programme_id, fixture("fieldglass.xlsx"), "fg.xlsx", false, "t"));
  EXPECT_EQ(first.created, 3);
  EXPECT_EQ(first.needs_details, 1);
  const PsrImportReport as_csv = Ok(service_->ImportPsrs(coordinator_, programme_id, kExport, "fg.csv", false, "t"));
  EXPECT_EQ(as_csv.unchanged, 3);
  ListRequest q;
  q.equals = {{"vms_work_order_id", "WO-1001"}};
  const json psr = Ok(service_->List(coordinator_, PsrTable(), q)).items.at(0);
  EXPECT_EQ(psr["start_date"], "2026-11-02");
  EXPECT_EQ(psr["bill_rate"], "61.20");
  auto other_tenant = service_->ImportPsrs(other_, programme_id, fixture("fieldglass.xlsx"), "fg.xlsx", false, "t");
  ASSERT_FALSE(other_tenant.ok());
  EXPECT_EQ(other_tenant.error().kind, ErrorKind::kNotFound);
}

TEST_P(WorkforceServiceTest, VmsImportIsAllOrNothingIdempotentAndMissingDetailsBecomeATask) {
  const int64_t programme_id = programme_["id"].get<int64_t>();
  const std::string broken = kExport + "WO-1004,Jin,Park,jin@example.test,Analyst,Dana Reyes,CA,13/01/2026,,x,1,W2,Active\n";
  auto refused = service_->ImportPsrs(coordinator_, programme_id, broken, "fieldglass.csv", false, "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "fieldglass.csv, line 5, column 8 (Start Date)");
  EXPECT_EQ(refused.error().fields[1].field, "fieldglass.csv, line 5, column 10 (Pay Rate)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_psrs"), 0);

  const PsrImportReport first = Ok(service_->ImportPsrs(coordinator_, programme_id, kExport, "fg.csv", false, "t"));
  EXPECT_EQ(first.created, 3);
  EXPECT_EQ(first.needs_details, 1);
  const PsrImportReport again = Ok(service_->ImportPsrs(coordinator_, programme_id, kExport, "fg.csv", false, "t"));
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 3);

  ListRequest q;
  q.equals = {{"vms_work_order_id", "WO-1002"}};
  json psr = Ok(service_->List(coordinator_, PsrTable(), q)).items.at(0);
  EXPECT_EQ(psr["status"], "needs_details");
  EXPECT_EQ(psr["missing"], json({"manager_name", "end_date"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_tasks WHERE entity = 'psr' AND status = 'open' AND owner = 'msp'"), 1);
  auto refused_convert = service_->ConvertPsr(coordinator_, psr["id"].get<int64_t>(), Version(psr), "t");
  ASSERT_FALSE(refused_convert.ok());
  EXPECT_EQ(refused_convert.error().code, "psr.not_ready");

  psr = Ok(service_->UpdatePsr(coordinator_, psr["id"].get<int64_t>(), Version(psr),
                               {{"manager_name", "Lee Park"}, {"end_date", "2027-05-07"}}, "t"));
  EXPECT_EQ(psr["status"], "waiting");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_tasks WHERE entity = 'psr' AND status = 'open'"), 0);
  const json assignment = Ok(service_->ConvertPsr(coordinator_, psr["id"].get<int64_t>(), Version(psr), "t"));
  EXPECT_EQ(assignment["status"], "requested");
  EXPECT_EQ(assignment["worker_name"], "Wei Chen");
  EXPECT_EQ(assignment["bill_rate"], "95.00");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'psr' AND action = 'convert'"), 1);
}

TEST_P(WorkforceServiceTest, ActivationIsRefusedWithTheListOfWhatIsMissing) {
  json a = Event(RequestedAssignment(), {{"event", "start_onboarding"}});
  const int64_t id = a["id"].get<int64_t>();
  auto refused = service_->ApplyEvent(coordinator_, id, Version(a), {{"event", "complete_onboarding"}}, "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "assignment.onboarding_incomplete");
  // A W-2 employee in California: I-9 Section 1 by the first day, W-4, and California's DE 4
  // (Cal. Unemp. Ins. Code §13040); I-9 Section 2 is due three business days later and does not block.
  std::vector<std::string> missing;
  for (const auto& f : refused.error().fields) missing.push_back(f.message);
  ASSERT_EQ(missing.size(), 3u) << refused.error().message;
  EXPECT_NE(missing[0].find("I-9 Section 1"), std::string::npos);
  EXPECT_NE(missing[1].find("W-4"), std::string::npos);
  EXPECT_NE(missing[2].find("DE 4"), std::string::npos);

  const json doc = Ok(service_->AddDocument(coordinator_, id, "w4", "w4.pdf", "application/pdf", "%PDF-1.4 w4", "t"));
  // SHA-256 of the bytes "%PDF-1.4 w4", computed independently (sha256sum).
  EXPECT_EQ(doc["sha256"], crypto::Sha256Hex("%PDF-1.4 w4"));
  EXPECT_EQ(doc["size"], 11);
  EXPECT_EQ(Ok(service_->DocumentFile(coordinator_, doc["id"].get<int64_t>())).content, "%PDF-1.4 w4");
  a = Ok(service_->Get(coordinator_, AssignmentTable(), id));
  auto still = service_->ApplyEvent(coordinator_, id, Version(a), {{"event", "complete_onboarding"}}, "t");
  ASSERT_FALSE(still.ok());
  EXPECT_EQ(still.error().fields.size(), 2u);
}

TEST_P(WorkforceServiceTest, ActivationSendsTheWorkerTheirFirstDayDetails) {
  const json a = ActiveAssignment();
  EXPECT_EQ(a["status"], "active");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND kind = 'message' AND body LIKE "
                  "'%Report to reception at 9:00.%'",
                  {a["worker_id"].get<int64_t>()}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'assignment' AND action = 'activate'"), 1);
}

TEST_P(WorkforceServiceTest, ExtensionAndRevisionAreEffectiveDatedAndFlagTheVms) {
  json a = ActiveAssignment();
  auto earlier = service_->ApplyEvent(coordinator_, a["id"].get<int64_t>(), Version(a),
                                      {{"event", "extend"}, {"new_end_date", "2027-01-31"}}, "t");
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().code, "assignment.extension_not_later");
  a = Event(a, {{"event", "extend"}, {"new_end_date", "2027-06-30"}, {"effective_date", "2027-04-01"},
                {"pay_rate", "47.25"}, {"bill_rate", "64.26"}});
  EXPECT_EQ(a["end_date"], "2027-06-30");
  EXPECT_TRUE(a["vms_update_pending"].get<bool>());
  ASSERT_EQ(a["rates"].size(), 2u);
  EXPECT_EQ(a["rates"][0], json({{"effective_from", "2026-11-02"}, {"pay_rate", "45.00"}, {"bill_rate", "61.20"}}));
  EXPECT_EQ(a["rates"][1]["effective_from"], "2027-04-01");
  EXPECT_EQ(a["pay_rate"], "47.25");
  a = Event(a, {{"event", "revise"}, {"effective_date", "2027-05-01"}, {"manager_name", "Lee Park"}});
  EXPECT_EQ(a["manager_name"], "Lee Park");
  const auto revisions = Ok(service_->Revisions(coordinator_, a["id"].get<int64_t>()));
  std::vector<std::string> actions;
  for (const auto& r : revisions) actions.push_back(r["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "start_onboarding", "complete_onboarding", "activate",
                                               "extend", "revise"}));
  EXPECT_EQ(revisions[4]["effective_date"], "2027-04-01");
}

// Cal. Lab. Code §202(a): an employee who quits without 72 hours' notice is paid within 72 hours.
TEST_P(WorkforceServiceTest, EndComputesTheCaliforniaResignationDeadline) {
  json a = ActiveAssignment();
  a = Event(a, {{"event", "give_notice"}, {"end_reason", "resigned"}, {"notice_hours", 0}});
  EXPECT_EQ(a["status"], "ending");
  a = Event(a, {{"event", "end"}, {"last_day_worked", "2026-11-20"}});
  EXPECT_EQ(a["status"], "ended");
  EXPECT_EQ(a["final_pay"]["due_date"], "2026-11-23");
  EXPECT_EQ(a["final_pay"]["separation"], "resignation");
  EXPECT_NE(a["final_pay"]["citation"].get<std::string>().find("202"), std::string::npos);
  auto early = service_->ApplyEvent(coordinator_, a["id"].get<int64_t>(), Version(a), {{"event", "offboard"}}, "t");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().fields.size(), 4u);  // final timecard, equipment, access, VMS end
  for (const char* item : {"final_timecard", "equipment", "access", "vms_end"}) {
    a = Ok(service_->SetChecklistItem(coordinator_, a["id"].get<int64_t>(), Version(a), "offboarding", item, "done",
                                      "", "t"));
  }
  EXPECT_EQ(Event(a, {{"event", "offboard"}})["status"], "offboarded");
}

// Tex. Lab. Code §61.014(a)(1): a discharged employee is paid not later than the sixth day after the
// discharge. Discharged Friday 2026-11-20 → Thursday 2026-11-26, Thanksgiving, a legal holiday → the next
// day that is not one (Gov't Code §311.014): Friday 2026-11-27.
TEST_P(WorkforceServiceTest, EndComputesTheTexasDischargeDeadlinePastThanksgiving) {
  json a = ActiveAssignment();
  {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("UPDATE wf_assignments SET work_state = 'TX' WHERE id = ?", {a["id"].get<int64_t>()}).ok());
  }
  a = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
  a = Event(a, {{"event", "give_notice"}, {"end_reason", "terminated"}});
  a = Event(a, {{"event", "end"}, {"last_day_worked", "2026-11-20"}});
  EXPECT_EQ(a["final_pay"]["due_date"], "2026-11-27");
  EXPECT_EQ(a["final_pay"]["separation"], "involuntary");
}

TEST_P(WorkforceServiceTest, HighRiskClassificationNeedsAnApproverBeforeOnboardingFinishes) {
  Ok(service_->ImportPsrs(coordinator_, programme_["id"].get<int64_t>(), kExport, "fg.csv", false, "t"));
  ListRequest q;
  q.equals = {{"vms_work_order_id", "WO-1003"}};
  const json psr = Ok(service_->List(coordinator_, PsrTable(), q)).items.at(0);
  json a = Ok(service_->ConvertPsr(coordinator_, psr["id"].get<int64_t>(), Version(psr), "t"));
  a = Event(a, {{"event", "start_onboarding"}});
  // California's ABC test: the work is the client's usual business (prong B fails) → high risk
  // (Lab. Code §2775(b)(1)(B)).
  const json determination = Ok(service_->Classify(
      coordinator_, a["id"].get<int64_t>(), {{"answers", {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_c", true}}}},
      "t"));
  EXPECT_EQ(determination["risk"], "high");
  EXPECT_EQ(determination["status"], "pending_approval");
  a = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
  for (const char* item : {"w9", "contract_or_sow"}) {
    a = Ok(service_->SetChecklistItem(coordinator_, a["id"].get<int64_t>(), Version(a), "checklist", item, "done", "",
                                      "t"));
  }
  auto blocked = service_->ApplyEvent(coordinator_, a["id"].get<int64_t>(), Version(a), {{"event", "complete_onboarding"}}, "t");
  ASSERT_FALSE(blocked.ok());
  ASSERT_EQ(blocked.error().fields.size(), 1u);
  EXPECT_NE(blocked.error().fields[0].message.find("approved"), std::string::npos);
  auth::Principal manager{.user_id = 7, .name = "Morgan Manager", .role = auth::Role::kManager};
  Ok(service_->ApproveDetermination(manager, determination["id"].get<int64_t>(), Version(determination),
                                    "Converted to W-2 next quarter", "t"));
  a = Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()));
  EXPECT_EQ(Event(a, {{"event", "complete_onboarding"}})["status"], "ready");
}

TEST_P(WorkforceServiceTest, TimecardsWorkersEnterClientManagersApproveReportsFindTheGaps) {
  const json a = ActiveAssignment();
  const int64_t id = a["id"].get<int64_t>();
  auth::Principal worker{.user_id = 50, .name = "Maria Garcia", .role = auth::Role::kWorker,
                         .worker_id = a["worker_id"].get<int64_t>()};
  auth::Principal stranger{.user_id = 51, .name = "Wei Chen", .role = auth::Role::kWorker, .worker_id = 424242};
  const json hours = {{"regular", {"8", "8", "8", "8", "8", "0", "0"}}, {"overtime", {"0", "0", "0", "0", "1.5", "0", "0"}}};
  EXPECT_EQ(service_->SaveTimecard(stranger, id, "2026-11-02", hours, "t").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->SaveTimecard(worker, id, "2026-11-03", hours, "t").error().code, "request.invalid");
  json tc = Ok(service_->SaveTimecard(worker, id, "2026-11-02", hours, "t"));
  EXPECT_EQ(tc["total_hours"], "41.50");
  tc = Ok(service_->DecideTimecard(worker, tc["id"].get<int64_t>(), Version(tc), "submit", "", "t"));
  EXPECT_EQ(service_->DecideTimecard(other_, tc["id"].get<int64_t>(), Version(tc), "approve", "", "t").error().kind,
            ErrorKind::kNotFound);
  tc = Ok(service_->DecideTimecard(client_user_, tc["id"].get<int64_t>(), Version(tc), "reject", "Friday was a holiday", "t"));
  EXPECT_EQ(Ok(service_->Rejected(client_user_)).size(), 1u);
  tc = Ok(service_->SaveTimecard(worker, id, "2026-11-02", {{"regular", {"8", "8", "8", "8", "0", "0", "0"}}}, "t"));
  tc = Ok(service_->DecideTimecard(worker, tc["id"].get<int64_t>(), Version(tc), "submit", "", "t"));
  const json pending = Ok(service_->PendingApprovals(client_user_, Date::Parse("2026-11-25").value()));
  ASSERT_EQ(pending["by_manager"].size(), 1u);
  EXPECT_EQ(pending["by_manager"][0]["manager_name"], "Dana Reyes");
  tc = Ok(service_->DecideTimecard(client_user_, tc["id"].get<int64_t>(), Version(tc), "approve", "", "t"));
  EXPECT_EQ(tc["status"], "approved");
  // Week of Nov 2 is in; week of Nov 9 is missing.
  EXPECT_TRUE(Ok(service_->MissingTimecards(coordinator_, Date::Parse("2026-11-02").value())).empty());
  const auto missing = Ok(service_->MissingTimecards(coordinator_, Date::Parse("2026-11-11").value()));
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0]["assignment_id"], id);
  EXPECT_TRUE(Ok(service_->MissingTimecards(other_, Date::Parse("2026-11-11").value())).empty());
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/workforce/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_P(WorkforceServiceTest, TimecardImportFromTheVmsIsAllOrNothingIdempotentAndNamesLineAndColumn) {
  const json a = ActiveAssignment();  // WO-1001, from 2026-11-02
  const int64_t programme_id = programme_["id"].get<int64_t>();
  const std::string csv = Fixture("fieldglass-timecards.csv");
  ASSERT_FALSE(csv.empty());

  // A bad cell anywhere refuses the whole file, naming line and column; an unknown work order names its line.
  const std::string broken = csv + "WO-1001,Maria Garcia,TS-5502,11/11/2026,XX/Hr,8,Approved\n" +
                             "WO-9999,Nobody,TS-1,11/11/2026,ST/Hr,25,Approved\n";
  auto refused = service_->ImportTimecards(coordinator_, programme_id, broken, "fg-time.csv", "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "fg-time.csv, line 10, column 5 (Rate Category/UOM)");
  EXPECT_EQ(refused.error().fields[1].field, "fg-time.csv, line 11, column 6 (Hours)");
  auto unknown = service_->ImportTimecards(coordinator_, programme_id,
                                           csv + "WO-9999,Nobody,TS-1,11/11/2026,ST/Hr,8,Approved\n", "fg-time.csv", "t");
  ASSERT_FALSE(unknown.ok());
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "fg-time.csv, line 10");
  EXPECT_EQ(unknown.error().fields[0].code, "timecard_import.unknown_work_order");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timecards"), 0);

  // The fixture's weeks, worked by hand in tests/fixtures/workforce/README.md.
  const TimecardImportReport first = Ok(service_->ImportTimecards(coordinator_, programme_id, csv, "fg-time.csv", "t"));
  EXPECT_EQ(first.created, 2);
  ListRequest q;
  q.equals = {{"assignment_id", std::to_string(a["id"].get<int64_t>())}};
  q.sort = "week_start";
  const auto cards = Ok(service_->List(coordinator_, TimecardTable(), q)).items;
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0]["week_start"], "2026-11-02");
  EXPECT_EQ(cards[0]["total_hours"], "42.00");
  EXPECT_EQ(cards[0]["status"], "submitted");
  EXPECT_EQ(cards[0]["hours"]["regular"], json({"8.00", "8.00", "8.00", "8.00", "7.50", "0.00", "0.00"}));
  EXPECT_EQ(cards[0]["hours"]["overtime"], json({"0.00", "0.00", "0.00", "2.50", "0.00", "0.00", "0.00"}));
  EXPECT_EQ(cards[1]["week_start"], "2026-11-09");
  EXPECT_EQ(cards[1]["total_hours"], "16.00");
  EXPECT_EQ(cards[1]["status"], "approved");

  const TimecardImportReport again = Ok(service_->ImportTimecards(coordinator_, programme_id, csv, "fg-time.csv", "t"));
  EXPECT_EQ(again.created + again.updated, 0);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'programme' AND action = 'import_timecards'"), 2);

  // Another client's user cannot import into this programme.
  auto other = service_->ImportTimecards(other_, programme_id, csv, "fg-time.csv", "t");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::kNotFound);
}

TEST_P(WorkforceServiceTest, AnExpenseKeepsItsReceiptWithItsSha256InTheExpensesScope) {
  const json a = ActiveAssignment();
  json expense = Ok(service_->CreateExpense(coordinator_,
                                            {{"assignment_id", a["id"]}, {"spent_on", "2026-11-04"},
                                             {"category", "meals"}, {"amount", "23.40"}, {"currency", "USD"}},
                                            "t"));
  const int64_t id = expense["id"].get<int64_t>();
  EXPECT_EQ(service_->ReceiptFile(coordinator_, id).error().kind, ErrorKind::kNotFound);  // none yet
  ASSERT_FALSE(service_->AttachReceipt(coordinator_, id, "r.pdf", "application/pdf", "", "t").ok());
  expense = Ok(service_->AttachReceipt(coordinator_, id, "diner.pdf", "application/pdf", "abc", "t"));
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(expense["receipt_sha256"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const jobs::File file = Ok(service_->ReceiptFile(client_user_, id));
  EXPECT_EQ(file.content, "abc");
  EXPECT_EQ(file.name, "diner.pdf");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'expense' AND action = 'receipt'"), 1);
  // Another client's user finds neither the receipt nor the expense to attach one to.
  EXPECT_EQ(service_->ReceiptFile(other_, id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->AttachReceipt(other_, id, "x.pdf", "application/pdf", "x", "t").error().kind,
            ErrorKind::kNotFound);
}

TEST_P(WorkforceServiceTest, MissingTimecardRemindersGoOnTheTimelineOncePerWeek) {
  const json a = ActiveAssignment();  // Maria Garcia, Payroll Analyst at Harborview Logistics, from 2026-11-02
  const Date wednesday = Date::Parse("2026-11-18").value();  // reports last week: Monday 2026-11-09
  const auto audited = [&] { return Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'timeline_entry'"); };
  const int64_t audited_before = audited();
  const ReminderRun first = Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday, std::nullopt, "t"));
  EXPECT_EQ(audited(), audited_before + 1);
  EXPECT_EQ(first.week_of, "2026-11-16");
  EXPECT_EQ(first.sent, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND kind = 'message' AND body = ?",
                  {a["worker_id"].get<int64_t>(),
                   std::string("Hello Maria Garcia, we have no submitted timecard for your assignment Payroll Analyst at "
                               "Harborview Logistics for the week of 2026-11-09. Please enter and submit it in the "
                               "portal today.")}),
            1);
  // The same week again: nothing new. Another client's user reaches nobody of this client.
  const ReminderRun again = Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday.AddDays(2), std::nullopt, "t"));
  EXPECT_EQ(again.sent, 0);
  EXPECT_EQ(again.already_sent, 1);
  EXPECT_EQ(Ok(SendReminders(*service_, other_, "missing-timecards", wednesday, std::nullopt, "t")).sent, 0);
  // The next week it is due again.
  EXPECT_EQ(Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday.AddDays(7), std::nullopt, "t")).sent, 1);
}

TEST_P(WorkforceServiceTest, MissingTimecardRemindersCoverAChosenPastWeek) {
  const json a = ActiveAssignment();  // from Monday 2026-11-02
  const int64_t worker_id = a["worker_id"].get<int64_t>();
  const Date wednesday = Date::Parse("2026-11-18").value();
  // Thursday 2026-11-05 lies in the assignment's first week, Monday 2026-11-02 … Sunday 2026-11-08.
  const ReminderRun first_week =
      Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday, Date::Parse("2026-11-05").value(), "t"));
  EXPECT_EQ(first_week.sent, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = ?",
                  {worker_id, std::string("Reminder: timecard for the week of 2026-11-02 (sent the week of 2026-11-16)")}),
            1);
  // The week before the start (Monday 2026-10-26) had nothing to submit.
  EXPECT_EQ(Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday, Date::Parse("2026-10-26").value(),
                             "t"))
                .sent,
            0);
  // A submitted timecard for the week of 2026-11-09 leaves nobody to remind for that week.
  const json card = Ok(service_->SaveTimecard(coordinator_, a["id"].get<int64_t>(), "2026-11-09",
                                              {{"regular", {"8", "8", "8", "8", "8", "0", "0"}}}, "t"));
  Ok(service_->DecideTimecard(coordinator_, card["id"].get<int64_t>(), card["version"].get<int64_t>(), "submit", "", "t"));
  EXPECT_EQ(Ok(SendReminders(*service_, coordinator_, "missing-timecards", wednesday, Date::Parse("2026-11-11").value(),
                             "t"))
                .sent,
            0);
  // This week has not ended: refused, naming the field.
  const auto current = SendReminders(*service_, coordinator_, "missing-timecards", wednesday, wednesday, "t");
  ASSERT_FALSE(current.ok());
  EXPECT_EQ(current.error().fields.at(0).field, "week_start");
}

TEST_P(WorkforceServiceTest, TheWeeklyReminderJobRemindsLastWeeksMissingTimecards) {
  const json a = ActiveAssignment();
  service_->RegisterJobs(registry_);
  // Scheduled Mondays 07:00 UTC: written at Sunday 2026-11-22 12:00, it is next due Monday 2026-11-23 07:00.
  const auto sunday_noon = std::chrono::sys_days{std::chrono::November / 22 / 2026} + std::chrono::hours(12);
  ASSERT_TRUE(ScheduleWeeklyReminders(db(), sunday_noon).ok());
  ASSERT_TRUE(ScheduleWeeklyReminders(db(), sunday_noon).ok());  // idempotent
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schedules WHERE name = 'workforce.reminders' AND next_run_at = "
                  "'2026-11-23T07:00:00Z'"),
            1);
  // The job run on Wednesday 2026-11-18 covers the week of Monday 2026-11-09.
  int64_t job_id = 0;
  ASSERT_TRUE(db().TransactStatus([&](store::Connection& c) -> Status {
                    job_id = TRY(jobs::Enqueue(c, {kReminderJob, {{"today", "2026-11-18"}}}));
                    return {};
                  }).ok());
  RunJobs();
  auto conn = db().Acquire().value();
  const jobs::Job job = jobs::Get(*conn, job_id).value();
  ASSERT_EQ(job.state, "succeeded") << job.message;
  EXPECT_EQ(job.result["reminders"][0]["report"], "missing-timecards");
  EXPECT_EQ(job.result["reminders"][0]["sent"], 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = ?",
                  {a["worker_id"].get<int64_t>(),
                   std::string("Reminder: timecard for the week of 2026-11-09 (sent the week of 2026-11-16)")}),
            1);
}

TEST_P(WorkforceServiceTest, ExtendingAContractorOpensAClassificationRecheckUntilANewDetermination) {
  json a = ActiveAssignment();  // WO-1001: 2026-11-02 … 2027-03-31, worked in CA
  const int64_t id = a["id"].get<int64_t>();
  const auto open_tasks = [&] {
    return Count("SELECT COUNT(*) FROM wf_tasks WHERE entity = 'assignment' AND entity_id = ? AND status = 'open' "
                 "AND owner = 'coordinator'",
                 {id});
  };
  // An employee's extension: nothing to re-check.
  a = Event(a, {{"event", "extend"}, {"new_end_date", "2027-04-30"}});
  EXPECT_TRUE(a["classification_recheck"].is_null());
  EXPECT_EQ(open_tasks(), 0);
  {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("UPDATE wf_assignments SET worker_type = 'contractor_1099' WHERE id = ?", {id}).ok());
  }
  a = Ok(service_->Get(coordinator_, AssignmentTable(), id));
  // 2026-11-02 … 2027-06-30 inclusive: 29 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 241 days.
  a = Event(a, {{"event", "extend"}, {"new_end_date", "2027-06-30"}});
  EXPECT_EQ(a["end_date"], "2027-06-30");
  ASSERT_TRUE(a["classification_recheck"].is_object());
  EXPECT_EQ(a["classification_recheck"]["reason"],
            "The contractor's engagement was extended from 2027-04-30 to 2027-06-30, 241 days from the start on "
            "2026-11-02 (permanency). Re-check the classification: permanence and integration drift over time.");
  EXPECT_EQ(open_tasks(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'task' AND entity_id = ?",
                  {std::to_string(a["classification_recheck"]["task_id"].get<int64_t>())}),
            1);
  // The gate: no further extension or material revision while it is open; a cost-centre change goes through.
  const auto again =
      service_->ApplyEvent(coordinator_, id, Version(a), {{"event", "extend"}, {"new_end_date", "2027-09-30"}}, "t");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "classification.recheck_open");
  EXPECT_NE(again.error().message.find("241 days"), std::string::npos);
  const auto new_manager = service_->ApplyEvent(
      coordinator_, id, Version(a), {{"event", "revise"}, {"effective_date", "2027-01-04"}, {"manager_name", "Lee Park"}},
      "t");
  EXPECT_EQ(new_manager.error().code, "classification.recheck_open");
  a = Event(a, {{"event", "revise"}, {"effective_date", "2027-01-04"}, {"cost_centre", "CC-0420"}});
  EXPECT_EQ(a["cost_centre"], "CC-0420");
  EXPECT_EQ(open_tasks(), 1);
  // A determination that needs an approver leaves it open; the approval closes it and its task.
  const json determination = Ok(service_->Classify(
      coordinator_, id, {{"answers", {{"abc.prong_a", true}, {"abc.prong_b", false}, {"abc.prong_c", true}}}}, "t"));
  ASSERT_EQ(determination["status"], "pending_approval");
  EXPECT_TRUE(Ok(service_->Get(coordinator_, AssignmentTable(), id))["classification_recheck"].is_object());
  auth::Principal manager{.user_id = 7, .name = "Morgan Manager", .role = auth::Role::kManager};
  Ok(service_->ApproveDetermination(manager, determination["id"].get<int64_t>(), Version(determination), "Reviewed",
                                    "t"));
  a = Ok(service_->Get(coordinator_, AssignmentTable(), id));
  EXPECT_TRUE(a["classification_recheck"].is_null());
  EXPECT_EQ(open_tasks(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_tasks WHERE entity = 'assignment' AND entity_id = ? AND status = 'done' AND "
                  "detail LIKE ?",
                  {id, "%Re-checked: determination #" + std::to_string(determination["id"].get<int64_t>()) +
                           ", risk high.%"}),
            1);
  // Now the next change may go ahead, and opens the next re-check.
  a = Event(a, {{"event", "revise"}, {"effective_date", "2027-02-01"}, {"manager_name", "Lee Park"}});
  EXPECT_NE(a["classification_recheck"]["reason"].get<std::string>().find("a different manager directs the work"),
            std::string::npos);
  // Another client's user cannot reach the assignment to extend it.
  EXPECT_EQ(service_->ApplyEvent(other_, id, Version(a), {{"event", "extend"}, {"new_end_date", "2027-12-31"}}, "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
}

TEST_P(WorkforceServiceTest, AProgrammesOwnTemplatesWordItsMessagesRemindersAndLetter) {
  const int64_t programme_id = programme_["id"].get<int64_t>();
  const json defaults = Ok(service_->ProgrammeTemplates(coordinator_, programme_id));
  ASSERT_EQ(defaults["items"].size(), 8u);
  EXPECT_FALSE(defaults["items"][0]["custom"].get<bool>());
  // A bad placeholder is refused with its line:column; nothing is stored.
  const auto bad = service_->SaveProgrammeTemplate(
      coordinator_, programme_id, "activation", {{"subject", "Welcome"}, {"body", "Hi {{worker.first_name}},\n{{desk}}"}},
      "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "body");
  EXPECT_NE(bad.error().fields.at(0).message.find("at 2:1"), std::string::npos) << bad.error().fields.at(0).message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_message_templates"), 0);
  // Saved (audited); another client's user cannot read or write it.
  const json saved = Ok(service_->SaveProgrammeTemplate(
      coordinator_, programme_id, "activation",
      {{"subject", "Welcome to {{client.name}}"},
       {"body", "Hi {{worker.first_name}}, you start on {{assignment.start_date}}. {{first_day_details}}"},
       {"version", 0}},
      "t"));
  EXPECT_EQ(saved["version"], 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'programme' AND action = 'template.activation'"), 1);
  EXPECT_EQ(service_->ProgrammeTemplates(other_, programme_id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->SaveProgrammeTemplate(other_, programme_id, "activation", {{"subject", "x"}, {"body", "y"}}, "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
  // A stale save is refused.
  EXPECT_EQ(service_->SaveProgrammeTemplate(coordinator_, programme_id, "activation",
                                            {{"subject", "x"}, {"body", "y"}, {"version", 0}}, "t")
                .error()
                .kind,
            ErrorKind::kPreconditionFailed);
  Ok(service_->SaveProgrammeTemplate(coordinator_, programme_id, "reminder.missing-timecards",
                                     {{"subject", "Timecard missing: {{week_start}}"},
                                      {"body", "{{worker_name}}, please submit {{week_start}}."}},
                                     "t"));
  // The activation message and the reminder use the programme's wording.
  const json a = ActiveAssignment();  // Maria Garcia at Harborview Logistics from 2026-11-02
  const int64_t worker_id = a["worker_id"].get<int64_t>();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = ? AND body = ?",
                  {worker_id, std::string("Welcome to Harborview Logistics"),
                   std::string("Hi Maria, you start on 2026-11-02. Report to reception at 9:00.")}),
            1);
  Ok(SendReminders(*service_, coordinator_, "missing-timecards", Date::Parse("2026-11-18").value(), std::nullopt, "t"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND subject = ? AND body = ?",
                  {worker_id, std::string("Timecard missing: 2026-11-09 (sent the week of 2026-11-16)"),
                   std::string("Maria Garcia, please submit 2026-11-09.")}),
            1);
  // Reset: the default again, audited.
  const json reset = Ok(service_->ResetProgrammeTemplate(coordinator_, programme_id, "activation", "t"));
  EXPECT_FALSE(reset["custom"].get<bool>());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'template.activation.reset'"), 1);
  EXPECT_EQ(Ok(service_->PreviewProgrammeTemplate(coordinator_, programme_id, "extension",
                                                  {{"subject", "s"}, {"body", "Until {{assignment.end_date}}"}}))["body"],
            "Until 2027-03-31");
}

TEST_P(WorkforceServiceTest, AListExportsToXlsxInTheBackgroundInTheCallersScope) {
  Ok(service_->ImportPsrs(coordinator_, programme_["id"].get<int64_t>(), kExport, "fieldglass.csv", false, "t"));
  service_->RegisterJobs(registry_);
  ListRequest everything;
  everything.sort = "vms_work_order_id";
  const auto run = [&](const auth::Principal& caller) {
    const json job = Ok(service_->EnqueueExport(
        caller, ExportPayload(caller, PsrTable(), "PSRs", {"vms_work_order_id", "worker_last_name"}, "psrs", everything),
        "t"));
    RunJobs();
    auto conn = db().Acquire().value();
    return jobs::Get(*conn, job["id"].get<int64_t>()).value();
  };
  const jobs::Job mine = run(coordinator_);
  ASSERT_EQ(mine.state, "succeeded") << mine.message;
  // The three work orders of kExport, all read: 3 of 3.
  EXPECT_EQ(mine.result["rows"], 3);
  EXPECT_EQ(mine.done, 3);
  EXPECT_EQ(mine.total, 3);
  ASSERT_TRUE(mine.file_id.has_value());
  auto conn = db().Acquire().value();
  EXPECT_EQ(jobs::LoadFile(*conn, *mine.file_id).value().content.substr(0, 2), "PK");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'job' AND action = 'enqueue'"), 1);
  // Another client's user: the same export holds none of this client's PSRs.
  EXPECT_EQ(run(other_).result["rows"], 0);
}

TEST_P(WorkforceServiceTest, MessagesRemindersAndTheSeparationLetterGoToTheOutbox) {
  json a = ActiveAssignment();  // Maria Garcia <maria.garcia@example.test>
  const std::string id = std::to_string(a["id"].get<int64_t>());
  const auto queued = [&](const std::string& purpose, const std::string& subject) {
    return Count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'queued' AND purpose = ? AND subject = ? AND "
                 "to_addresses LIKE '%maria.garcia@example.test%' AND entity = 'assignment' AND entity_id = ?",
                 {purpose, subject, id});
  };
  EXPECT_EQ(queued("worker_message", "Your assignment: activate"), 1);
  Ok(SendReminders(*service_, coordinator_, "missing-timecards", Date::Parse("2026-11-18").value(), std::nullopt, "t"));
  EXPECT_EQ(queued("timecard_reminder", "Reminder: timecard for the week of 2026-11-09 (sent the week of 2026-11-16)"), 1);
  // Sent once a week: again the same week, nothing more queued.
  Ok(SendReminders(*service_, coordinator_, "missing-timecards", Date::Parse("2026-11-19").value(), std::nullopt, "t"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE purpose = 'timecard_reminder'"), 1);
  // The end: the letter on the timeline and queued with its PDF attached.
  a = Event(a, {{"event", "give_notice"}, {"end_reason", "completed"}});
  a = Event(a, {{"event", "end"}, {"last_day_worked", "2026-11-20"}});
  EXPECT_EQ(queued("separation_letter", "Separation letter"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE subject = 'Separation letter' AND body LIKE 'Dear Maria Garcia,%'"),
            1);
  auto conn = db().Acquire().value();
  const auto file = conn->QueryOne("SELECT f.name FROM mail_outbox o JOIN mail_outbox_attachments x ON x.outbox_id = o.id "
                                   "JOIN files f ON f.id = x.file_id WHERE o.purpose = 'separation_letter'",
                                   {});
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->Text(0), "separation-letter-" + id + ".pdf");
}

TEST_P(WorkforceServiceTest, AnotherTenantOrAnotherWorkerFindsNothing) {
  const json a = ActiveAssignment();
  const int64_t id = a["id"].get<int64_t>();
  auth::Principal stranger{.user_id = 51, .name = "Someone", .role = auth::Role::kWorker, .worker_id = 424242};
  auth::Principal worker{.user_id = 50, .name = "Maria", .role = auth::Role::kWorker,
                         .worker_id = a["worker_id"].get<int64_t>()};
  for (const TableMap* map : {&ProgrammeTable(), &WorkerTable(), &PsrTable(), &AssignmentTable(), &DocumentTable(),
                              &TimelineTable(), &TaskTable(), &TimecardTable(), &ExpenseTable(),
                              &DeterminationTable()}) {
    for (const auth::Principal* outsider : {&other_, &stranger}) {
      EXPECT_EQ(Ok(service_->List(*outsider, *map, {})).total, 0) << map->entity;
    }
  }
  EXPECT_EQ(service_->Get(other_, AssignmentTable(), id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(stranger, AssignmentTable(), id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(other_, WorkerTable(), a["worker_id"].get<int64_t>()).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->Get(other_, ProgrammeTable(), programme_["id"].get<int64_t>()).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(service_->ApplyEvent(other_, id, Version(a), {{"event", "extend"}, {"new_end_date", "2028-01-01"}}, "t")
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(service_->AddDocument(stranger, id, "", "x.pdf", "application/pdf", "x", "t").error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(service_->Revisions(other_, id).error().kind, ErrorKind::kNotFound);
  // The record's own worker sees their assignment and worker record; the client's user sees both.
  EXPECT_TRUE(service_->Get(worker, AssignmentTable(), id).ok());
  EXPECT_TRUE(service_->Get(worker, WorkerTable(), a["worker_id"].get<int64_t>()).ok());
  EXPECT_EQ(service_->Get(worker, ProgrammeTable(), programme_["id"].get<int64_t>()).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(service_->Get(client_user_, WorkerTable(), a["worker_id"].get<int64_t>()).ok());
  EXPECT_EQ(Ok(service_->Home(other_, Date::Parse("2026-11-04").value()))["starts_this_week"]["count"], 0);
}

TEST_P(WorkforceServiceTest, TheVmsAuditFindsTheDisagreementAndClearsPendingUpdatesOnceFixed) {
  json a = ActiveAssignment();  // WO-1001
  a = Event(a, {{"event", "extend"}, {"new_end_date", "2027-06-30"}});
  ASSERT_TRUE(a["vms_update_pending"].get<bool>());
  const int64_t programme_id = programme_["id"].get<int64_t>();
  auto run = [&](const std::string& vms) {
    const json started = Ok(service_->StartVmsAudit(coordinator_, programme_id, vms, "fieldglass.csv", "t"));
    RunJobs();
    return Ok(service_->ApplyVmsAudit(coordinator_, programme_id, "t"));
  };
  const std::string header =
      "Work Order ID,Worker Email,Start Date,End Date,Pay Rate,Bill Rate,Status,Work Order Owner\n";
  // The VMS still shows the old end date: one disagreement, nothing cleared, 0% aligned.
  json applied = run(header + "WO-1001,maria.garcia@example.test,11/02/2026,03/31/2027,$45.00,$61.20,Active,Dana Reyes\n");
  EXPECT_EQ(applied["cleared"], 0);
  EXPECT_EQ(applied["still_differing"], json({"WO-1001"}));
  json dashboard = Ok(service_->VmsAuditDashboard(coordinator_));
  EXPECT_EQ(dashboard["programmes"][0]["alignment"], "0.0");
  // The MSP updates the work order: 100%, and the pending flag clears.
  applied = run(header + "WO-1001,maria.garcia@example.test,11/02/2026,06/30/2027,$45.00,$61.20,Active,Dana Reyes\n");
  EXPECT_EQ(applied["cleared"], 1);
  dashboard = Ok(service_->VmsAuditDashboard(coordinator_));
  EXPECT_EQ(dashboard["programmes"][0]["alignment"], "100.0");
  EXPECT_EQ(dashboard["programmes"][0]["trend"].size(), 2u);
  EXPECT_EQ(dashboard["clients"][0]["alignment"], "100.0");
  EXPECT_FALSE(Ok(service_->Get(coordinator_, AssignmentTable(), a["id"].get<int64_t>()))["vms_update_pending"].get<bool>());
  EXPECT_TRUE(Ok(service_->VmsAuditDashboard(other_))["programmes"].empty());
}

TEST_P(WorkforceServiceTest, TheWeeklyVmsAuditScheduleIsShownAndCanBeStopped) {
  const int64_t programme_id = programme_["id"].get<int64_t>();
  EXPECT_TRUE(Ok(service_->VmsAuditSchedule(coordinator_, programme_id)).is_null());
  Ok(service_->ScheduleVmsAudit(coordinator_, programme_id, "0 6 * * 1", "/srv/vms/harborview.csv", "t"));
  const json schedule = Ok(service_->VmsAuditSchedule(coordinator_, programme_id));
  EXPECT_EQ(schedule["cron"], "0 6 * * 1");
  EXPECT_EQ(schedule["vms_export_path"], "/srv/vms/harborview.csv");
  EXPECT_EQ(schedule["next_run_at"].get<std::string>().substr(10, 6), "T06:00");  // Mondays 06:00 UTC
  // Another client's user is told there is no such programme, and cannot stop it.
  EXPECT_EQ(HttpStatus(service_->VmsAuditSchedule(other_, programme_id).error().kind), 404);
  EXPECT_EQ(HttpStatus(service_->UnscheduleVmsAudit(other_, programme_id, "t").error().kind), 404);
  EXPECT_TRUE(Ok(service_->UnscheduleVmsAudit(coordinator_, programme_id, "t")).is_null());
  EXPECT_TRUE(Ok(service_->VmsAuditSchedule(coordinator_, programme_id)).is_null());
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  EXPECT_EQ(jobs::FireDueSchedules(db(), now + std::chrono::hours(24 * 8)).value(), 0);  // a week on: nothing
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'vms_audit_unschedule'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkforceServiceTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
