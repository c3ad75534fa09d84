// Account status reports on both backends: the draft covers the live jobs with budget against actual (time
// and expenses), is e-mailed with its PDF through the outbox and frozen; the next one carries the narrative
// and moves the milestones; the weekly schedule prepares and sends it; another tenant gets 404. Amounts are
// worked by hand beside them.
#include "agency/account_reports.h"
#include "agency/expenses.h"
#include "agency/service_fixture.h"
#include "clients/client.h"

namespace concord::agency {
namespace {

class AccountReportTest : public AgencyServiceTest {
 protected:
  void SetUp() override {
    AgencyServiceTest::SetUp();
    reports_ = std::make_unique<AccountReportService>(db(), *service_);
    expenses_ = std::make_unique<ExpenseService>(db(), *service_);
  }

  void AddContact(int64_t client, const char* name, const char* email, bool primary) {
    clients::ContactInput in;
    in.name = name;
    in.email = email;
    in.is_primary = primary;
    auto added = clients_->AddContact(admin_, client, in, "t");
    ASSERT_TRUE(added.ok()) << added.error().message;
  }

  JobView WithMilestones(const JobView& job, std::vector<JobMilestone> milestones) {
    JobInput in;
    in.milestones = std::move(milestones);
    auto saved = service_->UpdateJob(coordinator_, job.job.id, job.job.version, in, "t");
    EXPECT_TRUE(saved.ok()) << saved.error().message;
    return saved.value();
  }

  int64_t Count(const std::string& sql, int64_t id) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne(sql, {id}).value().Int(0);
  }

  std::unique_ptr<AccountReportService> reports_;
  std::unique_ptr<ExpenseService> expenses_;
};

TEST_P(AccountReportTest, TheDraftCoversLiveJobsIsSentWithItsPdfAndTheNextMovesMilestones) {
  JobView catalogue = Open(acme_, "Spring catalogue");
  catalogue = WithMilestones(catalogue, {{"Concepts", D("2026-03-10"), true}, {"Print", D("2026-04-01"), false}});
  SendAndApprove(Draft(catalogue.job.id));  // budget 1730.00
  Enter(catalogue.job.id, "2026-03-04", 180, "2026-03-05T15:00:00Z");  // 3 h × 150.00 = 450.00
  ExpenseInput courier;
  courier.job_id = catalogue.job.id;
  courier.expense_date = D("2026-03-04");
  courier.description = "Courier";
  courier.cost = Decimal::Parse("100.00").value();
  courier.markup_percent = Decimal::FromInt(10);  // 100.00 + 10 % = 110.00
  ASSERT_TRUE(expenses_->Create(coordinator_, courier, "t").ok());
  const JobView dropped = Open(acme_, "Dropped banner");
  ASSERT_TRUE(service_->ChangeJobStatus(coordinator_, dropped.job.id, dropped.job.version, JobStatus::kCancelled, "t").ok());
  Open(beta_, "Beta's own job");

  auto draft = reports_->PrepareDraft(coordinator_, acme_, "manual", "t");
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  ASSERT_EQ(draft->lines.size(), 1u);  // the cancelled job and Beta's are not in Acme's report
  const AccountReportLine& line = draft->lines[0];
  EXPECT_EQ(line.job_id, catalogue.job.id);
  EXPECT_EQ(line.budget, Usd("1730.00"));
  EXPECT_EQ(line.actual, Usd("560.00"));  // 450.00 time + 110.00 expense
  EXPECT_EQ(line.progress, 50);           // 1 of 2 milestones done
  EXPECT_TRUE(line.moved.empty());        // the first report
  EXPECT_EQ(draft->state, "draft");

  AccountReportEdit edit;
  edit.narrative = "Concepts approved; print booked.";
  edit.lines = {{catalogue.job.id, std::string("at_risk"), 60}};
  auto edited = reports_->EditDraft(coordinator_, draft->id, draft->version, edit, "t");
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  // Preparing again refreshes the figures but keeps what was written.
  auto again = reports_->PrepareDraft(coordinator_, acme_, "manual", "t");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, draft->id);
  EXPECT_EQ(again->narrative, "Concepts approved; print booked.");
  EXPECT_EQ(again->lines[0].health, "at_risk");
  EXPECT_EQ(again->lines[0].progress, 60);

  auto nobody = reports_->Send(coordinator_, again->id, again->version, std::nullopt, "t");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().code, "account_report.no_recipient");
  AddContact(acme_, "Ann Marketing", "ann@acme.test", false);
  AddContact(acme_, "Pat Primary", "pat@acme.test", true);
  auto sent = reports_->Send(coordinator_, again->id, again->version, std::nullopt, "t");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->state, "sent");
  EXPECT_EQ(sent->sent_to, "pat@acme.test");
  ASSERT_TRUE(sent->outbox_id.has_value());
  {
    auto conn = db().Acquire();
    const mail::Outgoing message = mail::Get(**conn, *sent->outbox_id).value();
    EXPECT_EQ(message.to, std::vector<std::string>{"pat@acme.test"});
    EXPECT_EQ(message.entity, "agency_account_report");
    ASSERT_EQ(message.attachment_names.size(), 1u);
    EXPECT_TRUE(message.attachment_names[0].ends_with(".pdf"));
  }
  EXPECT_EQ(reports_->EditDraft(coordinator_, sent->id, sent->version, edit, "t").error().code, "account_report.sent");
  const auto pdf = AccountReportDocument(*sent);
  ASSERT_TRUE(pdf.ok());
  EXPECT_TRUE(pdf->bytes.starts_with("%PDF-"));

  // A week on: Print moved to 8 April and Launch added; the narrative and health carry forward.
  const JobView now = service_->GetJob(coordinator_, catalogue.job.id).value();
  WithMilestones(now, {{"Concepts", D("2026-03-10"), true}, {"Print", D("2026-04-08"), false},
                       {"Launch", D("2026-04-20"), false}});
  auto next = reports_->PrepareDraft(coordinator_, acme_, "manual", "t");
  ASSERT_TRUE(next.ok());
  EXPECT_NE(next->id, sent->id);
  EXPECT_EQ(next->previous_id, sent->id);
  EXPECT_EQ(next->narrative, "Concepts approved; print booked.");
  EXPECT_EQ(next->lines[0].health, "at_risk");
  ASSERT_EQ(next->lines[0].moved.size(), 2u);
  EXPECT_EQ(next->lines[0].moved[0].name, "Print");
  EXPECT_EQ(next->lines[0].moved[0].was, D("2026-04-01"));
  EXPECT_EQ(next->lines[0].moved[1].name, "Launch");
  EXPECT_EQ(AuditCount("agency_account_report"), 5);  // create, update, refresh, send, the next one's create
}

TEST_P(AccountReportTest, TheWeeklyScheduleSendsWhenTheAccountSaysSo) {
  Open(acme_, "Spring catalogue");
  AddContact(acme_, "Pat Primary", "pat@acme.test", true);
  AccountReportSchedule in;
  in.weekday = 1;
  in.auto_send = true;
  auto saved = reports_->SaveSchedule(coordinator_, acme_, 0, in, "t");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->version, 1);
  {
    auto conn = db().Acquire();
    auto row = (*conn)->QueryOne("SELECT cron, job_kind, next_run_at FROM schedules WHERE name = ?",
                                 {std::string("agency.account_report.") + std::to_string(acme_)});
    ASSERT_TRUE(row.ok());
    EXPECT_EQ(row->Text(0), "0 7 * * 1");
    EXPECT_EQ(row->Text(1), kAccountReportJob);
  }
  jobs::Registry registry;
  reports_->RegisterJobs(registry);
  struct NoProgress : jobs::Progress {
    void Update(int64_t, int64_t, const std::string&) override {}
  } progress;
  jobs::Job job;
  job.id = 1;
  job.kind = kAccountReportJob;
  job.payload = {{"client_id", acme_}};
  auto outcome = (*registry.Find(kAccountReportJob))(job, progress);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->result["sent"].get<bool>());
  const AccountReport report = reports_->Get(coordinator_, outcome->result["report_id"]).value();
  EXPECT_EQ(report.origin, "schedule");
  EXPECT_EQ(report.state, "sent");
  EXPECT_EQ(report.sent_to, "pat@acme.test");

  // Turned off: the platform schedule goes; review-only: the job prepares a draft and leaves it.
  in.weekday.reset();
  ASSERT_TRUE(reports_->SaveSchedule(coordinator_, acme_, 1, in, "t").ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schedules WHERE name LIKE 'agency.account_report.%' AND 1 = ?", 1), 0);
  in.weekday = 5;
  in.auto_send = false;
  ASSERT_TRUE(reports_->SaveSchedule(coordinator_, acme_, 2, in, "t").ok());
  auto review = (*registry.Find(kAccountReportJob))(job, progress);
  ASSERT_TRUE(review.ok());
  EXPECT_FALSE(review->result["sent"].get<bool>());
  EXPECT_EQ(reports_->Get(coordinator_, review->result["report_id"]).value().state, "draft");
  in.weekday = 9;
  EXPECT_EQ(reports_->SaveSchedule(coordinator_, acme_, 3, in, "t").error().code, "account_report.weekday_invalid");
}

TEST_P(AccountReportTest, AnotherTenantGetsNotFound) {
  Open(beta_, "Beta's own job");
  const AccountReport beta = reports_->PrepareDraft(coordinator_, beta_, "manual", "t").value();
  EXPECT_EQ(reports_->Get(acme_user_, beta.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports_->GetSchedule(acme_user_, beta_).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports_->PrepareDraft(acme_user_, beta_, "manual", "t").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(reports_->Send(acme_user_, beta.id, beta.version, std::nullopt, "t").error().kind, ErrorKind::kNotFound);
  ListQuery all;
  EXPECT_TRUE(reports_->List(acme_user_, all).value().first.empty());
  EXPECT_EQ(reports_->List(coordinator_, all).value().first.size(), 1u);

  // Acme's own report: hidden from Acme's user while a draft, theirs once sent.
  Open(acme_, "Spring catalogue");
  AddContact(acme_, "Pat Primary", "pat@acme.test", true);
  const AccountReport draft = reports_->PrepareDraft(coordinator_, acme_, "manual", "t").value();
  EXPECT_EQ(reports_->Get(acme_user_, draft.id).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(reports_->List(acme_user_, all).value().first.empty());
  ASSERT_TRUE(reports_->Send(coordinator_, draft.id, draft.version, std::nullopt, "t").ok());
  EXPECT_EQ(reports_->Get(acme_user_, draft.id).value().state, "sent");
  EXPECT_EQ(reports_->List(acme_user_, all).value().first.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountReportTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
