// The agency services on both backends: numbering, the estimate → approval → budget flow, lateness across
// a weekend and a daylight-saving change, locks and frozen time, invoices, reports and tenant scope. Every
// expected amount is worked by hand in the comment beside it.
#include "agency/service_fixture.h"

namespace concord::agency {
namespace {

TEST_P(AgencyServiceTest, JobNumbersFollowThePatternPerClientAndYear) {
  EXPECT_EQ(Open(acme_).job.number, "ACME-260001");
  EXPECT_EQ(Open(acme_).job.number, "ACME-260002");
  EXPECT_EQ(Open(beta_).job.number, "BETA-260001");
  now_ = At("2027-01-04T15:00:00Z");
  EXPECT_EQ(Open(acme_).job.number, "ACME-270001");
  EXPECT_EQ(AuditCount("agency_job"), 4);
}

TEST_P(AgencyServiceTest, AccountKnowledgeIsValidatedAndAudited) {
  AccountInput bad;
  bad.client_code = "AC-ME";  // separators belong in the pattern
  bad.team = std::vector<TeamSeat>{{lead_id_, "lead", lead_id_, "", ""}};
  auto refused = service_->SaveAccount(admin_, acme_, 1, bad, "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "client_code");
  EXPECT_EQ(refused.error().fields[1].field, "team[0].backup_user_id");
  const Account account = service_->GetAccount(coordinator_, acme_).value();
  EXPECT_EQ(account.team.at(0).name, "Lee Lead");
  EXPECT_EQ(account.team.at(0).backup_name, "Cory Coordinator");
  AccountInput markets;
  markets.markets = "US Northeast grocers";
  auto stale = service_->SaveAccount(admin_, acme_, account.version + 1, markets, "t");
  EXPECT_EQ(HttpStatus(stale.error().kind), 412);
  EXPECT_EQ(service_->SaveAccount(admin_, acme_, account.version, markets, "t")->markets, "US Northeast grocers");
  EXPECT_EQ(AuditCount("agency_account"), 3);  // two creates in SetUp, one update
}

TEST_P(AgencyServiceTest, EstimateRevisionsAndChangeOrdersMakeTheBudget) {
  const JobView job = Open(acme_);
  const EstimateRecord draft = Draft(job.job.id);
  EXPECT_EQ(draft.estimate.number, "ACME-260001-E1");
  EXPECT_EQ(draft.estimate.lines[0].rate, Usd("150.00"));  // from the rate card
  EXPECT_EQ(ComputeTotals(draft.estimate).total, Usd("1730.00"));

  auto sent = service_->SendEstimate(coordinator_, draft.id, draft.version, "t").value();
  const LoeDocument loe = service_->SentLoe(coordinator_, sent.id).value();
  EXPECT_EQ(crypto::Sha256Hex(loe.bytes), *sent.estimate.sent_document_sha256);
  EXPECT_EQ(service_->GetJob(coordinator_, job.job.id)->alerts.at(0).code, "job.awaiting_client_approval");

  ApprovalInput wrong{"Bea Buyer", ApprovalMethod::kEmail, std::string(64, 'a')};
  auto mismatch = service_->ApproveEstimate(coordinator_, sent.id, sent.version, wrong, "t");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, "estimate.checksum_mismatch");

  const EstimateRecord approved = service_->ApproveEstimate(acme_user_, sent.id, sent.version, {}, "t").value();
  EXPECT_EQ(approved.estimate.approval->approved_by, "Bea Buyer");
  EXPECT_EQ(approved.estimate.approval->method, ApprovalMethod::kPortal);
  EXPECT_EQ(approved.estimate.approval->document_sha256, loe.sha256);
  EXPECT_EQ(service_->GetJob(coordinator_, job.job.id)->budget.amount, Usd("1730.00"));

  EstimateInput more;
  more.terms = "Net 15";
  auto edit = service_->EditEstimate(coordinator_, approved.id, approved.version, more, "t");
  EXPECT_EQ(edit.error().code, "estimate.not_editable");

  // Revision 2: 12 h of design (1800.00) + 230.00 = 2030.00; approving it supersedes revision 1.
  EstimateRecord rev2 = service_->ReviseEstimate(coordinator_, approved.id, "t").value();
  EXPECT_EQ(rev2.estimate.revision, 2);
  EstimateInput twelve;
  twelve.lines = rev2.estimate.lines;
  twelve.lines->at(0).hours = Decimal::FromInt(12);
  rev2 = service_->EditEstimate(coordinator_, rev2.id, rev2.version, twelve, "t").value();
  SendAndApprove(rev2);
  EXPECT_EQ(service_->GetEstimate(coordinator_, approved.id)->estimate.status, EstimateStatus::kSuperseded);
  EXPECT_EQ(service_->GetJob(coordinator_, job.job.id)->budget.amount, Usd("2030.00"));

  // A change order of 4 h design (600.00) adds to the budget: 2630.00.
  EstimateRecord order = service_->AddChangeOrder(coordinator_, rev2.id, "t").value();
  EXPECT_EQ(order.estimate.number, "ACME-260001-CO1");
  EstimateInput four;
  four.lines = std::vector<EstimateLine>{
      {LineKind::kLabor, "design", "Extra sizes", Decimal::FromInt(4), Usd("0"), Usd("0"), Decimal()}};
  order = service_->EditEstimate(coordinator_, order.id, order.version, four, "t").value();
  SendAndApprove(order);
  const JobView after = service_->GetJob(coordinator_, job.job.id).value();
  EXPECT_EQ(after.budget.amount, Usd("2630.00"));
  EXPECT_EQ(after.budget.approved_change_orders, 1);
  EXPECT_FALSE(after.lacks_approved_estimate);
}

TEST_P(AgencyServiceTest, LateTimeIsFlaggedAcrossAWeekendAndTheClockChange) {
  const JobView job = Open(acme_);
  // Work on Friday 6 March: due by the end of Wednesday 11 March (Mon, Tue, Wed), New York time. US daylight
  // saving starts on Sunday 8 March, so New York is UTC-4 by then.
  const TimeRecord on_time = Enter(job.job.id, "2026-03-06", 60, "2026-03-12T03:30:00Z");  // 23:30 Wed EDT
  const TimeRecord late = Enter(job.job.id, "2026-03-06", 30, "2026-03-12T04:30:00Z");     // 00:30 Thu EDT
  EXPECT_FALSE(on_time.late);
  EXPECT_TRUE(late.late);
  const auto compliance = service_->TimeCompliance(coordinator_, D("2026-03-01"), D("2026-03-31")).value();
  ASSERT_EQ(compliance.size(), 1u);
  EXPECT_EQ(compliance[0].person, "Cory Coordinator");
  EXPECT_EQ(compliance[0].on_time_percent, Decimal::Parse("50.0").value());
  const auto reminders = service_->LateTimeReminders(coordinator_, D("2026-03-01"), D("2026-03-31")).value();
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].late_minutes, 30);
  EXPECT_EQ(reminders[0].lead_name, "Lee Lead");
}

TEST_P(AgencyServiceTest, LockedPeriodsNeedTheOverrideAndApprovedTimeIsFrozen) {
  const JobView job = Open(acme_);
  const Settings settings = service_->GetSettings().value();
  ASSERT_TRUE(service_->UpdateSettings(admin_, settings.version, {{"locked_through", "2026-02-28"}}, "t").ok());
  TimeInput in;
  in.job_id = job.job.id;
  in.service = "design";
  in.work_date = D("2026-02-27");
  in.minutes = 45;
  auto refused = service_->EnterTime(coordinator_, in, "t");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "time.period_locked");
  auto allowed = service_->EnterTime(admin_, in, "t");  // the admin holds the override
  ASSERT_TRUE(allowed.ok()) << allowed.error().message;
  EXPECT_TRUE(allowed->late);

  const TimeRecord entry = Enter(job.job.id, "2026-03-04", 90, "2026-03-05T15:00:00Z");
  const TimeRecord approved =
      service_->AdvanceTime(admin_, entry.id, entry.version, TimeEntryState::kApproved, "t").value();
  TimeInput change;
  change.minutes = 120;
  auto frozen = service_->EditTime(admin_, approved.id, approved.version, change, "t");
  ASSERT_FALSE(frozen.ok());
  EXPECT_EQ(frozen.error().code, "time.frozen");
  EXPECT_EQ(service_->DeleteTime(admin_, approved.id, approved.version, "t").error().code, "time.frozen");
}

TEST_P(AgencyServiceTest, OverBudgetAlertAtNinetyPercent) {
  const JobView job = Open(acme_);
  SendAndApprove(Draft(job.job.id));  // budget 1730.00
  // 10.5 h of design at 150.00 = 1575.00 = 91.04 % of 1730.00: past 90, short of 100.
  Enter(job.job.id, "2026-03-04", 630, "2026-03-05T15:00:00Z");
  const JobView after = service_->GetJob(coordinator_, job.job.id).value();
  EXPECT_EQ(after.actual, Usd("1575.00"));
  ASSERT_EQ(after.alerts.size(), 1u);
  EXPECT_EQ(after.alerts[0].code, "job.over_budget");
  EXPECT_EQ(after.alerts[0].threshold_percent, 90);
}

TEST_P(AgencyServiceTest, InvoicingApprovedTimeFreezesItAndCreditNotesCorrect) {
  const JobView job = Open(acme_);
  const TimeRecord a = Enter(job.job.id, "2026-03-03", 90, "2026-03-05T15:00:00Z");
  const TimeRecord b = Enter(job.job.id, "2026-03-04", 45, "2026-03-05T15:00:00Z");
  service_->AdvanceTime(admin_, a.id, a.version, TimeEntryState::kApproved, "t").value();
  service_->AdvanceTime(admin_, b.id, b.version, TimeEntryState::kApproved, "t").value();
  InvoiceInput in;
  in.job_id = job.job.id;
  in.source = "time_and_expenses";
  in.tax_percent = Decimal::Parse("8.875").value();
  const InvoiceRecord draft = service_->DraftInvoice(coordinator_, in, "t").value();
  // 135 minutes of design at 150.00 = 337.50; tax 8.875 % = 29.953125 -> 29.95; total 367.45.
  const InvoiceTotals totals = ComputeInvoiceTotals(draft.invoice);
  EXPECT_EQ(totals.subtotal, Usd("337.50"));
  EXPECT_EQ(totals.total, Usd("367.45"));
  EXPECT_TRUE(draft.invoice.number.empty());
  const InvoiceRecord issued = service_->IssueInvoice(admin_, draft.id, draft.version, D("2026-03-06"), "t").value();
  EXPECT_EQ(issued.invoice.number, "INV-2026-0001");
  EXPECT_EQ(issued.invoice.due_date, D("2026-04-05"));
  EXPECT_EQ(service_->GetTime(coordinator_, a.id)->entry.state, TimeEntryState::kInvoiced);
  auto again = service_->IssueInvoice(admin_, issued.id, issued.version, D("2026-03-06"), "t");
  EXPECT_EQ(again.error().code, "invoice.issued_immutable");
  auto nothing_left = service_->DraftInvoice(coordinator_, in, "t");
  EXPECT_EQ(nothing_left.error().code, "invoice.nothing_to_bill");

  const InvoiceRecord note = service_->CreditInvoice(admin_, issued.id, {}, "t").value();
  const InvoiceRecord credited = service_->IssueInvoice(admin_, note.id, note.version, D("2026-03-07"), "t").value();
  EXPECT_EQ(credited.invoice.number, "CN-2026-0001");
  EXPECT_EQ(ComputeInvoiceTotals(credited.invoice).total, Usd("-367.45"));
  EXPECT_EQ(service_->CreditInvoice(admin_, issued.id, {}, "t").error().code, "invoice.credit_exceeds_invoice");
}

TEST_P(AgencyServiceTest, ReportsListJobsWithoutLoeAndForecastTheMonths) {
  const JobView with = Open(acme_, "Catalogue");
  const JobView without = Open(acme_, "Website refresh");
  SendAndApprove(Draft(with.job.id));
  const auto missing = service_->JobsWithoutApprovedLoe(coordinator_).value();
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].job.id, without.job.id);
  // Pipeline: a 1730.00 draft at 60 % closing in March = 1038.00. Committed: the approved 1730.00, due in
  // April, nothing billed yet.
  Draft(without.job.id);
  const auto months = service_->Forecast(coordinator_, {2026, 3}, {2026, 4}, "USD").value();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].pipeline, Usd("1038.00"));
  EXPECT_EQ(months[1].committed, Usd("1730.00"));
}

TEST_P(AgencyServiceTest, AnotherTenantGetsNotFoundEverywhere) {
  const JobView theirs = Open(beta_);
  const EstimateRecord estimate = Draft(theirs.job.id);
  const TimeRecord time = Enter(theirs.job.id, "2026-03-04", 30, "2026-03-05T15:00:00Z");
  service_->AdvanceTime(admin_, time.id, time.version, TimeEntryState::kApproved, "t").value();
  const InvoiceRecord invoice =
      service_->DraftInvoice(coordinator_, {theirs.job.id, "time_and_expenses", {}, {}, {}, {}, Decimal(), 30}, "t")
          .value();
  auto is404 = [](const auto& r) { return !r.ok() && HttpStatus(r.error().kind) == 404; };
  EXPECT_TRUE(is404(service_->GetAccount(acme_user_, beta_)));
  EXPECT_TRUE(is404(service_->GetJob(acme_user_, theirs.job.id)));
  EXPECT_TRUE(is404(service_->JobEstimates(acme_user_, theirs.job.id)));
  EXPECT_TRUE(is404(service_->GetEstimate(acme_user_, estimate.id)));
  EXPECT_TRUE(is404(service_->RenderLoe(acme_user_, estimate.id)));
  EXPECT_TRUE(is404(service_->ApproveEstimate(acme_user_, estimate.id, estimate.version, {}, "t")));
  EXPECT_TRUE(is404(service_->DeclineEstimate(acme_user_, estimate.id, estimate.version, "t")));
  EXPECT_TRUE(is404(service_->GetTime(acme_user_, time.id)));
  EXPECT_TRUE(is404(service_->GetInvoice(acme_user_, invoice.id)));
  EXPECT_EQ(service_->ListJobs(acme_user_, ListQuery{})->first.size(), 0u);
  EXPECT_EQ(service_->ListEstimates(acme_user_, ListQuery{})->first.size(), 0u);
  EXPECT_EQ(service_->ListTime(acme_user_, ListQuery{})->first.size(), 0u);
  EXPECT_EQ(service_->ListInvoices(acme_user_, ListQuery{})->first.size(), 0u);
  EXPECT_EQ(service_->Accounts(acme_user_)->size(), 1u);
  EXPECT_EQ(service_->JobsWithoutApprovedLoe(acme_user_)->size(), 0u);
  EXPECT_EQ(service_->TimeCompliance(acme_user_, D("2026-03-01"), D("2026-03-31"))->size(), 0u);
}

TEST_P(AgencyServiceTest, StatusReportsCarryTheNarrativeAndShowMovedMilestones) {
  JobView job = Open(acme_);
  JobInput plan;
  plan.milestones = std::vector<JobMilestone>{{"Concepts", D("2026-03-10"), false}, {"Print", D("2026-04-01"), false}};
  job = service_->UpdateJob(coordinator_, job.job.id, job.job.version, plan, "t").value();
  SendAndApprove(Draft(job.job.id));                       // budget 1730.00
  Enter(job.job.id, "2026-03-04", 630, "2026-03-05T15:00:00Z");  // 10.5 h × 150.00 = 1575.00
  const StatusReport first =
      meetings_->CreateStatusReport(coordinator_, job.job.id, {"on_track", 40, "Concepts approved."}, "t").value();
  EXPECT_EQ(first.budget, Usd("1730.00"));
  EXPECT_EQ(first.actual, Usd("1575.00"));
  EXPECT_TRUE(first.moved.empty());

  JobInput slip;
  slip.milestones = std::vector<JobMilestone>{{"Concepts", D("2026-03-10"), true}, {"Print", D("2026-04-08"), false}};
  service_->UpdateJob(coordinator_, job.job.id, service_->GetJob(coordinator_, job.job.id)->job.version, slip, "t")
      .value();
  const StatusReport draft = meetings_->DraftStatusReport(coordinator_, job.job.id).value();
  EXPECT_EQ(draft.narrative, "Concepts approved.");  // pre-filled from the previous report
  ASSERT_EQ(draft.moved.size(), 1u);
  EXPECT_EQ(draft.moved[0].name, "Print");
  EXPECT_EQ(draft.moved[0].was, D("2026-04-01"));
  const StatusReport second =
      meetings_->CreateStatusReport(coordinator_, job.job.id, {"at_risk", 60, std::nullopt}, "t").value();
  EXPECT_EQ(second.narrative, "Concepts approved.");
  EXPECT_EQ(second.moved.size(), 1u);
  auto bad = meetings_->CreateStatusReport(coordinator_, job.job.id, {"green", 60, std::nullopt}, "t");
  EXPECT_EQ(bad.error().code, "status_report.status_invalid");
  const StatusReport sent =
      meetings_->MarkStatusReportSent(coordinator_, second.id, second.version, "buyer@acme.test", "t").value();
  EXPECT_TRUE(sent.sent_at.has_value());
  const io::Table table = StatusReportTable(sent);
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{"Status", "at_risk"}));
  EXPECT_EQ(AuditCount("agency_status_report"), 3);
}

TEST_P(AgencyServiceTest, ContactReportsTrackActionItemsAndTheDistributionDeadline) {
  const JobView job = Open(acme_);
  ContactReportInput in;
  in.client_id = acme_;
  in.meeting_date = D("2026-03-05");  // a Thursday; two business days later is Monday 9 March
  in.attendees = {{"Bea Buyer", "client"}, {"Cory Coordinator", "agency"}};
  in.discussion = "Spring catalogue scope";
  in.decisions = "Add two extra sizes";
  in.job_ids = {job.job.id};
  in.action_items = {{"Send revised estimate", coordinator_.user_id, job.job.id, D("2026-03-06")},
                     {"Share brand guide", std::nullopt, std::nullopt, D("2026-03-09")}};
  const ContactReport report = meetings_->CreateContactReport(coordinator_, in, "t").value();
  EXPECT_EQ(report.distribute_by, D("2026-03-09"));
  ASSERT_EQ(report.action_items.size(), 2u);
  EXPECT_EQ(report.action_items[0].owner_name, "Cory Coordinator");
  EXPECT_EQ(meetings_->OpenActionItems(acme_user_)->size(), 2u);
  const ActionItem done =
      meetings_->SetActionItemDone(coordinator_, report.action_items[0].id, report.action_items[0].version, true, "t")
          .value();
  EXPECT_TRUE(done.done_at.has_value());
  EXPECT_EQ(meetings_->OpenActionItems(coordinator_)->size(), 1u);
  now_ = At("2026-03-10T15:00:00Z");  // Tuesday: a day after the deadline
  const ContactReport sent =
      meetings_->DistributeContactReport(coordinator_, report.id, report.version, "buyer@acme.test", "t").value();
  EXPECT_TRUE(sent.distributed_late);
  const auto timeline = meetings_->Timeline(coordinator_, acme_).value();
  EXPECT_TRUE(std::any_of(timeline.begin(), timeline.end(), [](const auto& e) { return e["kind"] == "contact_report"; }));

  const JobView other = Open(beta_);
  ContactReportInput theirs = in;
  theirs.client_id = beta_;
  theirs.job_ids = {other.job.id};
  theirs.action_items = {{"Their task", std::nullopt, std::nullopt, std::nullopt}};
  const ContactReport their_report = meetings_->CreateContactReport(coordinator_, theirs, "t").value();
  auto is404 = [](const auto& r) { return !r.ok() && HttpStatus(r.error().kind) == 404; };
  EXPECT_TRUE(is404(meetings_->GetContactReport(acme_user_, their_report.id)));
  EXPECT_TRUE(is404(meetings_->SetActionItemDone(acme_user_, their_report.action_items[0].id, 1, true, "t")));
  EXPECT_TRUE(is404(meetings_->Timeline(acme_user_, beta_)));
  EXPECT_TRUE(is404(meetings_->StatusReports(acme_user_, other.job.id)));
  EXPECT_TRUE(is404(meetings_->DistributeContactReport(acme_user_, their_report.id, 1, "x", "t")));
  const auto visible = meetings_->ContactReports(acme_user_, std::nullopt).value();
  ASSERT_EQ(visible.size(), 1u);
  EXPECT_EQ(visible[0].client_id, acme_);
  in.job_ids = {other.job.id};  // a job of another client cannot be linked
  EXPECT_EQ(meetings_->CreateContactReport(coordinator_, in, "t").error().code, "contact_report.job_other_client");
}

TEST_P(AgencyServiceTest, TrafficMeetingsFreezeWhatWasAgreedAndFollowUp) {
  const JobView late = Open(acme_, "Late poster");
  JobInput sooner;
  sooner.due_date = std::optional<Date>(D("2026-03-01"));
  service_->UpdateJob(coordinator_, late.job.id, late.job.version, sooner, "t").value();
  const JobView later = Open(beta_, "Brochure");
  const JobView gone = Open(beta_, "Cancelled flyer");
  service_->ChangeJobStatus(coordinator_, gone.job.id, gone.job.version, JobStatus::kCancelled, "t").value();
  const TrafficMeeting meeting = meetings_->CreateTrafficMeeting(coordinator_, D("2026-03-05"), "t").value();
  ASSERT_EQ(meeting.agenda.size(), 2u);  // the cancelled job is off the agenda
  EXPECT_EQ(meeting.agenda[0]["job_number"], late.job.number);  // soonest due first
  EXPECT_EQ(meeting.agenda[0]["next_step"], "Get an approved LOE before more billable work");
  const TrafficMeeting agreed =
      meetings_
          ->AgreeTrafficMeeting(coordinator_, meeting.id, meeting.version, {{late.job.number, "Reprint Friday"}},
                                {{"Book the printer", coordinator_.user_id, late.job.id, D("2026-03-06")}}, "t")
          .value();
  EXPECT_TRUE(agreed.agreed_at.has_value());
  EXPECT_EQ(agreed.agenda[0]["note"], "Reprint Friday");
  ASSERT_EQ(agreed.follow_ups.size(), 1u);
  EXPECT_EQ(agreed.follow_ups[0].client_id, acme_);
  auto again = meetings_->AgreeTrafficMeeting(coordinator_, agreed.id, agreed.version, {}, {}, "t");
  EXPECT_EQ(again.error().code, "traffic_meeting.agreed");
  EXPECT_EQ(meetings_->OpenActionItems(acme_user_)->size(), 1u);  // the follow-up, scoped to its client
}

INSTANTIATE_TEST_SUITE_P(Backends, AgencyServiceTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
