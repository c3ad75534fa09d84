// Mail end to end on both backends: real .eml fixtures in, replies out through a real SMTP server
// (Debian's python3-aiosmtpd on 127.0.0.1, delivering into a Maildir the test reads back).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jobs/jobs_testing.h"
#include "mail/outbox.h"
#include "mail/mime.h"
#include "mail/smtp_testing.h"
#include "service/desk.h"
#include "service/desk_test_migrations.h"
#include "store/testing.h"

namespace concord::service {
namespace {

using mail::testing::SmtpServer;

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/mail/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, from.size(), to);
  return text;
}

class MailTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    ASSERT_TRUE(store::Migrate(db(), testing::DeskTestMigrations()).ok());
    desk_ = std::make_unique<ServiceDesk>(db());
    auto conn = db().Acquire();
    auto one = [&](const std::string& sql, std::vector<store::Value> params) {
      return (*conn)->Query(sql, params).value().at(0).Int(0);
    };
    agent_id_ = one("INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES "
                    "('ana@x.test', 'Ana Agent', 'coordinator', 'x', 'now', 'now') RETURNING id", {});
    acme_ = one("INSERT INTO clients (legal_name, status, created_at, updated_at) VALUES ('Acme Staffing', 'active', "
                "'now', 'now') RETURNING id", {});
    one("INSERT INTO contacts (client_id, name, email, created_at, updated_at) VALUES (?, 'Renee Dupont', "
        "'Renee.Dupont@acme-staffing.test', 'now', 'now') RETURNING id",
        {acme_});
    agent_ = {.user_id = agent_id_, .name = "Ana Agent", .role = auth::Role::kCoordinator};
    Queue q;
    q.name = "Employer support";
    q.inbound_address = "support@concord.test";
    q.members = {{agent_id_, "", {}, 10}};
    queue_ = desk_->SaveQueue(agent_, std::nullopt, std::nullopt, q, "t").value().id;
    Queue other;
    other.name = "Catch-all";
    ASSERT_TRUE(desk_->SaveQueue(agent_, std::nullopt, std::nullopt, other, "t").ok());
  }
  store::Database& db() { return *fresh_->db; }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  std::unique_ptr<ServiceDesk> desk_;
  auth::Principal agent_;
  int64_t agent_id_ = 0, acme_ = 0, queue_ = 0;
};

TEST_P(MailTest, RequestReplyAndAnswerThreadIntoOneCase) {
  SmtpServer smtp;
  jobs::Registry delivery;
  mail::RegisterDelivery(delivery, db(), {mail::SmtpConfig{smtp.url(), "", "", 10}, "concord@localhost"});
  const MailIngest in = desk_->IngestMail(Fixture("request_multipart_attachment.eml"), "t").value();
  ASSERT_TRUE(in.created);
  const Case c = desk_->Get(agent_, in.case_id).value();
  EXPECT_EQ(c.subject, "Pay stub missing \u2013 week 09");
  EXPECT_EQ(c.client_id, acme_);  // the sender is Acme's contact (address compared case-insensitively)
  EXPECT_EQ(c.queue_id, queue_);  // sent to support@concord.test
  EXPECT_EQ(c.assignee_id, agent_id_);
  EXPECT_EQ(c.channel, "email");
  std::vector<Entry> timeline = desk_->Timeline(agent_, c.id).value();
  const Entry& request = timeline.front();
  EXPECT_EQ(request.kind, "message_in");
  ASSERT_EQ(request.attachments.size(), 1u);
  EXPECT_EQ(request.attachments[0].name, "register-week09.pdf");
  ASSERT_TRUE(request.attachments[0].file_id);
  {
    auto conn = db().Acquire();
    auto file = jobs::LoadFile(**conn, *request.attachments[0].file_id).value();
    EXPECT_EQ(file.content.substr(0, 8), "%PDF-1.4");
  }
  // The same message delivered twice is taken once.
  const MailIngest again = desk_->IngestMail(Fixture("request_multipart_attachment.eml"), "t").value();
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.case_id, c.id);

  EntryInput reply{.kind = "reply", .body = "Could you send the register again? Merci, Ren\u00e9e."};
  reply.set_status = "pending_requester";
  reply.uploads = {{.name = "W-4 2026.pdf", .content_type = "application/pdf", .content = "%PDF-1.4 form"}};
  const Entry sent = desk_->AddEntry(agent_, c.id, reply, "t").value();
  EXPECT_EQ(sent.outcome, "queued");  // in the outbox with the reply; delivered by its job
  EXPECT_TRUE(smtp.Messages().empty());
  jobs::testing::RunAllNow(db(), delivery);
  const std::vector<Entry> after = desk_->Timeline(agent_, c.id).value();
  EXPECT_EQ(std::find_if(after.begin(), after.end(), [](const Entry& e) { return e.kind == "message_out"; })->outcome,
            "sent");
  const std::vector<std::string> delivered = smtp.Messages();
  ASSERT_EQ(delivered.size(), 1u);
  const mail::ParsedMail out = mail::ParseMail(delivered[0]).value();
  ASSERT_EQ(out.attachments.size(), 1u);
  EXPECT_EQ(out.attachments[0].name, "W-4 2026.pdf");
  EXPECT_EQ(out.attachments[0].bytes, "%PDF-1.4 form");
  EXPECT_EQ(out.references, std::vector<std::string>{"<CAF8x2-request-0001@mail.acme-staffing.test>"});
  EXPECT_EQ(out.to, std::vector<std::string>{"renee.dupont@acme-staffing.test"});
  EXPECT_EQ(out.from_address, "support@concord.test");
  EXPECT_EQ(out.in_reply_to, "<CAF8x2-request-0001@mail.acme-staffing.test>");
  EXPECT_EQ(out.subject, "Re: Pay stub missing \u2013 week 09 [#" + std::to_string(c.id) + "]");
  EXPECT_EQ(out.message_id, sent.mail_message_id);
  EXPECT_NE(out.text.find("Merci, Ren\u00e9e."), std::string::npos);

  // The requester answers (ISO-8859-1, threaded by In-Reply-To): same case, reopened from pending.
  const std::string answer = Replace(Replace(Fixture("reply_iso8859_1.eml"), "<OUTBOUND>", sent.mail_message_id),
                                     "[#CASE]", "[#" + std::to_string(c.id) + "]");
  const MailIngest joined = desk_->IngestMail(answer, "t").value();
  EXPECT_FALSE(joined.created);
  EXPECT_EQ(joined.case_id, c.id);
  EXPECT_EQ(desk_->Get(agent_, c.id)->status, "open");
  timeline = desk_->Timeline(agent_, c.id).value();
  const auto answered = std::find_if(timeline.begin(), timeline.end(),
                                     [](const Entry& e) { return e.kind == "message_in" && e.body.find("Voil\u00e0") != std::string::npos; });
  EXPECT_NE(answered, timeline.end());

  // A stranger writing "[#n]" without threading headers gets a case of their own.
  const std::string stranger_mail = Replace(Fixture("outlook_windows1252_html.eml"), "Subject: Invoice",
                                           "Subject: [#" + std::to_string(c.id) + "] Invoice");
  const MailIngest stranger = desk_->IngestMail(stranger_mail, "t").value();
  EXPECT_TRUE(stranger.created);
  EXPECT_NE(stranger.case_id, c.id);
}

TEST_P(MailTest, ARelayThatIsDownLeavesTheReplyRecordedAndFailedInTheOutbox) {
  jobs::Registry delivery;
  mail::RegisterDelivery(delivery, db(), {mail::SmtpConfig{"smtp://127.0.0.1:" + std::to_string(mail::testing::FreePort()),
                                                           "", "", 5},
                                          "concord@localhost"});
  const MailIngest in = desk_->IngestMail(Fixture("request_multipart_attachment.eml"), "t").value();
  const Entry e = desk_->AddEntry(agent_, in.case_id, {.kind = "reply", .body = "Hello"}, "t").value();
  EXPECT_EQ(e.outcome, "queued");
  jobs::testing::RunAllNow(db(), delivery);  // every retry refused
  const std::vector<Entry> timeline = desk_->Timeline(agent_, in.case_id).value();
  const auto reply = std::find_if(timeline.begin(), timeline.end(), [](const Entry& x) { return x.kind == "message_out"; });
  ASSERT_NE(reply, timeline.end());
  EXPECT_EQ(reply->outcome, "failed");
  EXPECT_EQ(reply->body, "Hello");  // the reply stands; the outbox can send it again
}

TEST_P(MailTest, GarbageIsRefusedWithAReason) {
  EXPECT_EQ(desk_->IngestMail("hello", "t").error().code, "mail.unparseable");
  EXPECT_EQ(desk_->IngestMail("Subject: hi\r\n\r\nbody\r\n", "t").error().code, "mail.no_sender");
}

INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::service
