// Chat exports and inbound e-mail onto the worker's timeline, on every backend: who each message goes to,
// idempotency, all-or-nothing on a bad file, attachments with their SHA-256, an outbound e-mail's delivery
// state, and tenancy (another client's user and a worker: not found).
#include <fstream>
#include <sstream>

#include "workforce/comms_test_fixture.h"

namespace concord::workforce {
namespace {

ChatFile Fixture(const std::string& root, const std::string& path) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/workforce/chat/" + root + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return {path, s.str()};
}

std::vector<ChatFile> Slack() {
  return {Fixture("slack", "users.json"), Fixture("slack", "channels.json"),
          Fixture("slack", "payroll-help/2026-11-20.json"), Fixture("slack", "harborview-contractors/2026-11-20.json")};
}

// A worker's reply with her pay stub ("abc": its SHA-256 is FIPS 180-2's first example).
const std::string kStubMail =
    "From: Maria Garcia <Maria.Garcia@example.test>\r\n"
    "To: casey@concord.test\r\n"
    "Subject: My pay stub for 11/20\r\n"
    "Date: Fri, 20 Nov 2026 16:00:00 +0000\r\n"
    "Message-ID: <stub-1120@example.test>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
    "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHere is the stub; the overtime is missing.\r\n"
    "--b1\r\nContent-Type: application/pdf; name=\"stub.pdf\"\r\n"
    "Content-Disposition: attachment; filename=\"stub.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nYWJj\r\n"
    "--b1--\r\n";

class TimelineImportsTest : public CommsTest {
 protected:
  int64_t Entries(int worker, const std::string& channel) {
    return Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND channel = ?", {WorkerId(worker), channel});
  }
};

TEST_P(TimelineImportsTest, SlackMessagesGoToTheWorkerWhoWroteAndADirectConversationReadsWhole) {
  const ChatImportReport r = Ok(comms_->imports.ImportChat(coordinator_, "slack", Slack(), "t"));
  EXPECT_EQ(r.imported, 4);
  EXPECT_EQ(r.unmatched, 1);  // Casey's reminder in a channel where two workers speak
  EXPECT_EQ(r.workers, 2);
  EXPECT_EQ(Entries(0, "slack"), 3);  // her two messages and Casey's reply in #payroll-help
  EXPECT_EQ(Entries(1, "slack"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND direction = 'outbound' AND "
                  "author_name = 'Casey Coordinator' AND subject = '#payroll-help' AND occurred_at = "
                  "'2026-11-20T15:05:00Z' AND client_id = ?",
                  {WorkerId(0), client_ids_[0]}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'timeline_entry' AND action = 'create'"), 4);

  const ChatImportReport again = Ok(comms_->imports.ImportChat(coordinator_, "slack", Slack(), "t"));
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.already_imported, 4);
  EXPECT_EQ(Entries(0, "slack"), 3);
}

TEST_P(TimelineImportsTest, ABadFileSavesNothing) {
  auto files = Slack();
  files.push_back({"payroll-help/2026-11-21.json", "[\n  {\"type\": \"message\", \"user\": \"U04MARIA\", \"ts\": \"x\"}\n]"});
  const auto r = comms_->imports.ImportChat(coordinator_, "slack", files, "t");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "payroll-help/2026-11-21.json, line 2 (ts)");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE channel = 'slack'"), 0);
  EXPECT_EQ(comms_->imports.ImportChat(coordinator_, "teams", Slack(), "t").error().code, "chat.source");
}

TEST_P(TimelineImportsTest, GoogleChatSpaceOnTheWorkersTimeline) {
  const std::string space = "Google Chat/Groups/Space Harborview payroll/";
  const auto r = Ok(comms_->imports.ImportChat(
      coordinator_, "google_chat", {Fixture("google", space + "messages.json"), Fixture("google", space + "group_info.json")},
      "t"));
  EXPECT_EQ(r.imported, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND channel = 'google_chat' AND kind = 'chat' "
                  "AND subject = 'Space Harborview payroll'",
                  {WorkerId(0)}),
            2);
}

TEST_P(TimelineImportsTest, AnotherClientsUserCannotPutMessagesOnAWorkerTheyCannotSee) {
  const auto r = Ok(comms_->imports.ImportChat(client_users_[1], "slack", Slack(), "t"));
  EXPECT_EQ(Entries(0, "slack"), 0);  // Maria is not theirs
  EXPECT_EQ(r.unmatched, 3);          // her message in each channel and Casey's reply to her
}

TEST_P(TimelineImportsTest, AWorkersEmailWithItsAttachmentOnceAndAClientContactsAboutAWorker) {
  const MailToTimeline in = Ok(comms_->imports.IngestMail(SystemPrincipal(), kStubMail, "t"));
  ASSERT_TRUE(in.matched);
  EXPECT_FALSE(in.duplicate);
  EXPECT_EQ(in.worker_id, WorkerId(0));
  const json entry = Ok(service_->Get(coordinator_, TimelineTable(), in.entry_id));
  EXPECT_EQ(entry["kind"], "email");
  EXPECT_EQ(entry["direction"], "inbound");
  EXPECT_EQ(entry["subject"], "My pay stub for 11/20");
  EXPECT_EQ(entry["occurred_at"], "2026-11-20T16:00:00Z");
  EXPECT_EQ(entry["client_id"], client_ids_[0]);
  ASSERT_EQ(entry["attachments"].size(), 1u);
  EXPECT_EQ(entry["attachments"][0]["name"], "stub.pdf");
  EXPECT_EQ(entry["attachments"][0]["sha256"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Ok(comms_->imports.Attachment(client_users_[0], in.entry_id, 0)).content, "abc");
  EXPECT_EQ(comms_->imports.Attachment(client_users_[1], in.entry_id, 0).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(comms_->imports.Attachment(worker_users_[0], in.entry_id, 0).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(comms_->imports.Attachment(coordinator_, in.entry_id, 1).error().kind, ErrorKind::kNotFound);

  EXPECT_TRUE(Ok(comms_->imports.IngestMail(SystemPrincipal(), kStubMail, "t")).duplicate);
  EXPECT_EQ(Entries(0, "email"), 1);

  std::string stranger = kStubMail;
  stranger.replace(stranger.find("Maria.Garcia@example.test"), 25, "someone@elsewhere.test");
  stranger.replace(stranger.find("stub-1120"), 9, "stub-9999");
  EXPECT_FALSE(Ok(comms_->imports.IngestMail(SystemPrincipal(), stranger, "t")).matched);

  // The client's manager writes about Maria, copying her.
  {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("INSERT INTO contacts (client_id, name, email, created_at, updated_at) VALUES "
                                 "(?, 'Dana Reyes', 'dana.reyes@harborview.test', 'x', 'x')",
                                 {client_ids_[0]})
                    .ok());
  }
  const std::string manager =
      "From: Dana Reyes <dana.reyes@harborview.test>\r\nTo: casey@concord.test, maria.garcia@example.test\r\n"
      "Subject: Maria's overtime\r\nMessage-ID: <dana-1@harborview.test>\r\n\r\nI approved the 6.5 hours.\r\n";
  const MailToTimeline from_client = Ok(comms_->imports.IngestMail(SystemPrincipal(), manager, "t"));
  EXPECT_TRUE(from_client.matched);
  EXPECT_EQ(from_client.worker_id, WorkerId(0));
  // Another client's contact writing to Maria matches nobody.
  std::string other = manager;
  other.replace(other.find("dana-1"), 6, "dana-2");
  {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("UPDATE contacts SET client_id = ?", {client_ids_[1]}).ok());
  }
  EXPECT_FALSE(Ok(comms_->imports.IngestMail(SystemPrincipal(), other, "t")).matched);
}

TEST_P(TimelineImportsTest, AnEmailWrittenOnTheTimelineGoesThroughTheOutboxWithItsState) {
  const json e = Ok(service_->AddTimelineEntry(
      coordinator_, WorkerId(0),
      {{"kind", "email"}, {"direction", "outbound"}, {"subject", "Your overtime"}, {"body", "Payroll will pay it Friday."}},
      "t", MailCopy{"worker", "timeline_email"}));
  ASSERT_GT(e["outbox_id"].get<int64_t>(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE id = ? AND to_addresses LIKE '%maria.garcia@example.test%' "
                  "AND purpose = 'timeline_email'",
                  {e["outbox_id"].get<int64_t>()}),
            1);
  const json listed = Ok(service_->Get(coordinator_, TimelineTable(), e["id"].get<int64_t>()));
  EXPECT_EQ(listed["mail_status"], "queued");
}

INSTANTIATE_TEST_SUITE_P(Backends, TimelineImportsTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::workforce
