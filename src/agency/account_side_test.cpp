// The account side on both backends: account knowledge (approval chain, key dates, search), the account's
// files, and the period lock that records who set it.
#include "agency/service_fixture.h"

namespace concord::agency {
namespace {

class AccountSideTest : public AgencyServiceTest {
 protected:
  int64_t Contact(int64_t client, const char* name, const char* email, const char* role) {
    clients::ContactInput in;
    in.name = name;
    in.email = email;
    in.role = role;
    auto c = clients_->AddContact(admin_, client, in, "t");
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c->id;
  }
};

TEST_P(AccountSideTest, KnowledgeHoldsTheApprovalChainKeyDatesAndContactRoles) {
  const int64_t cmo = Contact(acme_, "Carla Marketing", "carla@acme.test", "decision maker");
  const int64_t brand = Contact(acme_, "Bob Brand", "bob@acme.test", "day-to-day");
  const int64_t other = Contact(beta_, "Otto Beta", "otto@beta.test", "buyer");
  const Account before = service_->GetAccount(coordinator_, acme_).value();

  AccountInput in;
  in.processes = "Creative goes through legal review before the CMO.";
  in.reporting_preferences = "Short weekly e-mail, bullet points, no attachments over 5 MB";
  in.contact_preferences = std::vector<ContactPreference>{{brand, "phone", "Pantone 186 C only", "", "", ""}};
  in.approval_chain = std::vector<ApprovalStep>{{1, "creative", brand, ""}, {2, "estimates", cmo, ""}};
  in.key_dates = std::vector<KeyDate>{{D("2026-06-30"), "Fiscal year end", true}};
  const Account saved = service_->SaveAccount(coordinator_, acme_, before.version, in, "t").value();
  ASSERT_EQ(saved.approval_chain.size(), 2u);
  EXPECT_EQ(saved.approval_chain[1].contact_name, "Carla Marketing");
  ASSERT_EQ(saved.contact_preferences.size(), 1u);
  EXPECT_EQ(saved.contact_preferences[0].role, "day-to-day");  // from the client's contact record
  EXPECT_EQ(saved.contact_preferences[0].email, "bob@acme.test");
  EXPECT_EQ(saved.key_dates[0].label, "Fiscal year end");
  EXPECT_EQ(saved.version, before.version + 1);
  EXPECT_EQ(AuditCount("agency_account"), 3);  // two created in SetUp, this update

  // Another client's contact cannot approve for Acme; a key date needs a label; the errors name the field.
  AccountInput bad;
  bad.approval_chain = std::vector<ApprovalStep>{{1, "estimates", other, ""}};
  bad.key_dates = std::vector<KeyDate>{{D("2026-09-01"), "", false}};
  auto refused = service_->SaveAccount(coordinator_, acme_, saved.version, bad, "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "approval_chain[0].contact_id");
  EXPECT_EQ(refused.error().fields[1].field, "key_dates[0].label");
}

TEST_P(AccountSideTest, AccountsAreSearchedAcrossTheKnowledgeWithinTheScope) {
  const Account acme = service_->GetAccount(admin_, acme_).value();
  AccountInput in;
  in.processes = "Every print job gets a wet proof";
  ASSERT_TRUE(service_->SaveAccount(admin_, acme_, acme.version, in, "t").ok());
  ListQuery q;
  q.sort = "client";
  q.q = "WET PROOF";
  auto found = service_->ListAccounts(coordinator_, q).value();
  ASSERT_EQ(found.first.size(), 1u);
  EXPECT_EQ(found.first[0].client_name, "Acme Foods");
  q.q = "retail";  // both are Retail Trade; the client user sees only Acme
  EXPECT_EQ(service_->ListAccounts(coordinator_, q)->first.size(), 2u);
  EXPECT_EQ(service_->ListAccounts(acme_user_, q)->first.size(), 1u);
  EXPECT_EQ(service_->GetAccount(acme_user_, beta_).error().kind, ErrorKind::kNotFound);
}

TEST_P(AccountSideTest, FilesAreKeptWithTheirChecksumArchivedAndScoped) {
  // SHA-256("abc") from FIPS 180-2, appendix B.1.
  const AccountFile file =
      service_->AddAccountFile(coordinator_, acme_, {"Brand book", "brand_guidelines", "brand.txt", "text/plain", "abc"}, "t")
          .value();
  EXPECT_EQ(file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(file.size, 3);
  EXPECT_EQ(service_->AccountFileContent(acme_user_, file.id)->second, "abc");
  EXPECT_EQ(service_->AccountFiles(coordinator_, beta_, false)->size(), 0u);

  const AccountFile archived = service_->ArchiveAccountFile(coordinator_, file.id, file.version, true, "t").value();
  EXPECT_TRUE(archived.archived_at.has_value());
  EXPECT_EQ(service_->AccountFiles(coordinator_, acme_, false)->size(), 0u);
  EXPECT_EQ(service_->AccountFiles(coordinator_, acme_, true)->size(), 1u);
  EXPECT_EQ(service_->ArchiveAccountFile(coordinator_, file.id, file.version, false, "t").error().code, "agency.stale");
  EXPECT_EQ(AuditCount("agency_account_file"), 2);

  auto bad = service_->AddAccountFile(coordinator_, acme_, {"", "photos", "x.bin", "", ""}, "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);  // empty body, unknown category
  // A client user of Acme reaches neither Beta's account nor a file under it.
  const AccountFile beta_file =
      service_->AddAccountFile(admin_, beta_, {"Contract", "contract", "c.pdf", "application/pdf", "%PDF"}, "t").value();
  EXPECT_EQ(service_->AccountFileContent(acme_user_, beta_file.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->ArchiveAccountFile(acme_user_, beta_file.id, 1, true, "t").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->AddAccountFile(acme_user_, beta_, {"x", "other", "x", "", "x"}, "t").error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AccountSideTest, LockingAPeriodRecordsWhoAndWhen) {
  const Settings s = service_->GetSettings().value();
  EXPECT_TRUE(s.locked_by.empty());
  const Settings locked =
      service_->UpdateSettings(admin_, s.version, {{"locked_through", "2026-02-28"}, {"contact_report_days", 1}}, "t")
          .value();
  EXPECT_EQ(locked.locked_by, "Ada Admin");
  EXPECT_EQ(locked.locked_at, std::optional<std::string>("2026-03-05T15:00:00Z"));  // the fixture's clock
  EXPECT_EQ(locked.contact_report_days, 1);
  // Changing something else keeps the lock's author; lifting the lock clears it.
  now_ = At("2026-03-06T15:00:00Z");
  const Settings renamed = service_->UpdateSettings(admin_, locked.version, {{"time_zone", "America/Chicago"}}, "t").value();
  EXPECT_EQ(renamed.locked_at, locked.locked_at);
  const Settings lifted = service_->UpdateSettings(admin_, renamed.version, {{"locked_through", nullptr}}, "t").value();
  EXPECT_TRUE(lifted.locked_by.empty());
  EXPECT_FALSE(lifted.locked_at.has_value());
  EXPECT_EQ(service_->UpdateSettings(admin_, lifted.version, {{"contact_report_days", 40}}, "t").error().fields[0].field,
            "contact_report_days");
}

TEST_P(AccountSideTest, ContactReportsAreListedSearchedAndRenderedAsPdf) {
  ContactReportInput in;
  in.client_id = acme_;
  in.meeting_date = D("2026-03-05");  // Thursday
  in.attendees = {{"Carla Marketing", "client", "carla@acme.test"}, {"Cory Coordinator", "agency", ""}};
  in.discussion = "Spring catalogue cover";
  in.decisions = "Go with the blue cover";
  in.action_items = {{"Send revised cover", coordinator_.user_id, std::nullopt, D("2026-03-09")}};
  const ContactReport saved = meetings_->CreateContactReport(coordinator_, in, "t").value();
  // Two business days after Thursday 5 March: Friday 6, Monday 9 (the default deadline).
  EXPECT_EQ(saved.distribute_by, D("2026-03-09"));
  EXPECT_EQ(saved.attendees[0].email, "carla@acme.test");
  in.client_id = beta_;
  in.decisions = "Red it is";
  in.action_items.clear();
  ASSERT_TRUE(meetings_->CreateContactReport(coordinator_, in, "t").ok());

  ListQuery q;
  q.sort = "meeting_date";
  q.q = "blue cover";
  auto found = meetings_->ListContactReports(coordinator_, q).value();
  ASSERT_EQ(found.first.size(), 1u);
  EXPECT_EQ(found.first[0].action_items.size(), 1u);
  q.q.reset();
  EXPECT_EQ(meetings_->ListContactReports(coordinator_, q)->second.total, 2);
  EXPECT_EQ(meetings_->ListContactReports(acme_user_, q)->second.total, 1);  // only Acme's
  q.filters = {{"client_id", std::to_string(beta_)}};
  EXPECT_EQ(meetings_->ListContactReports(coordinator_, q)->first[0].decisions, "Red it is");

  const RenderedDocument pdf = ContactReportDocument(saved).value();
  EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.content_type, "application/pdf");
}

TEST_P(AccountSideTest, AClientContactAtTheMeetingCanOwnAnActionItemTrackedToDone) {
  const int64_t carla = Contact(acme_, "Carla Marketing", "carla@acme.test", "Marketing");
  const int64_t bert = Contact(beta_, "Bert Beta", "bert@beta.test", "CMO");
  ContactReportInput in;
  in.client_id = acme_;
  in.meeting_date = D("2026-03-05");
  in.attendees = {{"Carla Marketing", "client", "carla@acme.test"}, {"Cory Coordinator", "agency", ""}};
  in.action_items = {{"Send the product photos", std::nullopt, std::nullopt, D("2026-03-10"), carla},
                     {"Send revised cover", coordinator_.user_id, std::nullopt, D("2026-03-09")}};
  auto saved = meetings_->CreateContactReport(coordinator_, in, "t");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  ASSERT_EQ(saved->action_items.size(), 2u);
  const ActionItem photos = saved->action_items[1];  // listed by due date: the cover (9th) first
  EXPECT_EQ(photos.owner_contact_id, carla);
  EXPECT_FALSE(photos.owner_user_id.has_value());
  EXPECT_EQ(photos.owner_name, "Carla Marketing");

  ListQuery mine;
  mine.filters = {{"owner_contact_id", std::to_string(carla)}};
  auto listed = meetings_->ListActionItems(coordinator_, mine).value().first;
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].text, "Send the product photos");
  auto done = meetings_->SetActionItemDone(coordinator_, photos.id, photos.version, true, "t");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_TRUE(done->done_at.has_value());

  // Another client's contact cannot own Acme's item; nor can two owners share one.
  in.action_items = {{"Approve the layout", std::nullopt, std::nullopt, std::nullopt, bert}};
  auto foreign = meetings_->CreateContactReport(coordinator_, in, "t");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, "action_item.owner_not_client_contact");
  EXPECT_EQ(foreign.error().fields.at(0).field, "action_items[0].owner_contact_id");
  in.action_items = {{"Approve the layout", coordinator_.user_id, std::nullopt, std::nullopt, carla}};
  EXPECT_EQ(meetings_->CreateContactReport(coordinator_, in, "t").error().code, "action_item.two_owners");
}

TEST_P(AccountSideTest, FollowUpsAreListedOverdueFirstAndDoneUndoneIsAudited) {
  JobInput job;
  job.client_id = acme_;
  job.title = "Trade show stand";
  const int64_t job_id = service_->OpenJob(coordinator_, job, "t").value().job.id;
  auto created = meetings_->CreateTrafficMeeting(coordinator_, D("2026-03-02"), "t");
  ASSERT_TRUE(created.ok()) << created.error().message;
  const TrafficMeeting meeting = *created;
  auto saved = meetings_->SaveTrafficNotes(coordinator_, meeting.id, meeting.version, "Printer is late", {}, "t");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  const TrafficMeeting noted = *saved;
  EXPECT_EQ(noted.minutes, "Printer is late");
  // Today is Thursday 5 March 2026 (the fixture's clock): due the 4th is overdue, due the 5th is not.
  auto added = meetings_->AddFollowUp(coordinator_, meeting.id,
                                     {"Chase the printer", coordinator_.user_id, job_id, D("2026-03-04")}, "t");
  ASSERT_TRUE(added.ok()) << added.error().message;
  const ActionItem late = *added;
  ASSERT_TRUE(meetings_->AddFollowUp(coordinator_, meeting.id, {"Book the van", std::nullopt, std::nullopt, D("2026-03-05")}, "t").ok());
  EXPECT_EQ(late.client_id, acme_);  // from its job, so Acme's user sees it

  ListQuery q;
  q.sort = "due_date";
  q.filters = {{"state", "overdue"}};
  auto overdue = meetings_->ListActionItems(coordinator_, q).value();
  ASSERT_EQ(overdue.first.size(), 1u);
  EXPECT_EQ(overdue.first[0].text, "Chase the printer");
  q.filters = {{"state", "open"}, {"source", "traffic_meeting"}};
  EXPECT_EQ(meetings_->ListActionItems(coordinator_, q)->first[0].text, "Book the van");
  q.filters = {};
  EXPECT_EQ(meetings_->ListActionItems(acme_user_, q)->first.size(), 1u);  // the job-less one has no client

  const ActionItem done = meetings_->SetActionItemDone(coordinator_, late.id, late.version, true, "t").value();
  const ActionItem undone = meetings_->SetActionItemDone(coordinator_, done.id, done.version, false, "t").value();
  EXPECT_FALSE(undone.done_at.has_value());
  auto conn = db().Acquire();
  auto actions = (*conn)->Query("SELECT action FROM audit_events WHERE entity = 'agency_action_item' AND entity_id = ? "
                                "ORDER BY seq", {std::to_string(late.id)}).value();
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(actions[1].Text(0), "done");
  EXPECT_EQ(actions[2].Text(0), "reopen");

  const TrafficMeeting agreed = meetings_->AgreeTrafficMeeting(coordinator_, noted.id, noted.version, {}, {}, "t").value();
  EXPECT_EQ(meetings_->SaveTrafficNotes(coordinator_, agreed.id, agreed.version, "x", {}, "t").error().code,
            "traffic_meeting.agreed");
}

TEST_P(AccountSideTest, EmailingAContactReportQueuesItWithThePdfAndRecordsTheDistribution) {
  ContactReportInput in;
  in.client_id = acme_;
  in.meeting_date = D("2026-03-05");
  in.attendees = {{"Carla Marketing", "client", "carla@acme.test"}, {"Cory Coordinator", "agency", ""}};
  in.decisions = "Blue cover";
  const ContactReport report = meetings_->CreateContactReport(coordinator_, in, "t").value();
  auto sent = meetings_->EmailContactReport(coordinator_, report.id, report.version, "t");
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent->distributed_to, "carla@acme.test");
  EXPECT_FALSE(sent->distributed_late);  // sent on the meeting day, before 9 March
  auto conn = db().Acquire();
  auto rows = (*conn)->Query("SELECT id FROM mail_outbox WHERE entity = 'agency_contact_report' AND entity_id = ?",
                             {std::to_string(report.id)}).value();
  ASSERT_EQ(rows.size(), 1u);
  const mail::Outgoing queued = mail::Get(**conn, rows[0].Int(0)).value();
  EXPECT_EQ(queued.to, std::vector<std::string>{"carla@acme.test"});
  EXPECT_EQ(queued.client_id, acme_);
  EXPECT_EQ(queued.attachment_names, std::vector<std::string>{"contact-report-" + std::to_string(report.id) + ".pdf"});
  // Another client's user cannot send Acme's; a report with no address names the attendees field.
  auth::Principal beta_user{.user_id = 0, .name = "Ben", .role = auth::Role::kClientUser, .client_ids = {beta_}};
  EXPECT_EQ(meetings_->EmailContactReport(beta_user, report.id, sent->version, "t").error().kind, ErrorKind::kNotFound);
  in.attendees = {{"Pat", "client", ""}};
  const ContactReport silent = meetings_->CreateContactReport(coordinator_, in, "t").value();
  EXPECT_EQ(meetings_->EmailContactReport(coordinator_, silent.id, silent.version, "t").error().fields[0].field,
            "attendees");
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountSideTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
