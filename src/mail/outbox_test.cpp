// The outbox on both backends, delivering to a real SMTP server (Debian's aiosmtpd). What arrived is
// read back with Python's standard `email` package, an independent MIME reader, not with our own.
#include "mail/outbox.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "jobs/jobs_testing.h"
#include "mail/smtp_testing.h"
#include "store/testing.h"

namespace concord::mail {
namespace {

namespace fs = std::filesystem;

// Python's reading of a raw message: "to|subject|attachment name|content type|sha256 of its bytes".
std::string ReadWithPython(const std::string& raw) {
  const fs::path file = fs::temp_directory_path() / ("concord-outbox-" + std::to_string(::getpid()) + ".eml");
  std::ofstream(file, std::ios::binary) << raw;
  const std::string script =
      "import email, email.policy, hashlib, sys\n"
      "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
      "out = [m['To'], m['Subject'], m.get_body(('plain',)).get_content().strip()]\n"
      "for a in m.iter_attachments():\n"
      "    out += [a.get_filename(), a.get_content_type(), hashlib.sha256(a.get_payload(decode=True)).hexdigest()]\n"
      "print('|'.join(out), end='')\n";
  const fs::path py = file.string() + ".py";
  std::ofstream(py) << script;
  FILE* pipe = ::popen(("/usr/bin/python3 " + py.string() + " " + file.string()).c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  ::pclose(pipe);
  fs::remove(file);
  fs::remove(py);
  return out;
}

class OutboxTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), jobs::Migrations(), Migrations()})
      migrations.insert(migrations.end(), list.begin(), list.end());
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
  }
  store::Database& db() { return *fresh_->db; }

  Result<int64_t> Queue(const Message& m) {
    return db().Transact<int64_t>(
        [&](store::Connection& c) { return Enqueue(c, audit::Actor{7, "Ana Coordinator", "test"}, m); });
  }
  Outgoing Load(int64_t id) {
    auto conn = db().Acquire();
    return Get(**conn, id).value();
  }
  int64_t Count(const std::string& sql) {
    auto conn = db().Acquire();
    return (*conn)->Query(sql).value().at(0).Int(0);
  }
  void RunJobs(const jobs::Registry& registry) { jobs::testing::RunAllNow(db(), registry); }
  static Message Reminder() {
    Message m;
    m.to = {"renee.dupont@acme-staffing.test", "payroll@acme-staffing.test"};
    m.subject = "Timecard missing \u2013 week of 16 Nov";
    m.text = "Bonjour Ren\u00e9e, the timecard for the week of 16 November is missing.";
    m.purpose = "timecard_reminder";
    m.entity = "worker";
    m.entity_id = "42";
    m.client_id = 3;
    m.created_by = 7;
    return m;
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
};

TEST_P(OutboxTest, BadMessagesAreRefusedNamingTheFieldAndNothingIsQueued) {
  Message m = Reminder();
  m.to = {};
  EXPECT_EQ(Queue(m).error().code, "mail.no_recipient");
  m.to = {"renee.dupont@acme-staffing.test", "payroll at acme"};
  const Error bad = Queue(m).error();
  EXPECT_EQ(bad.code, "mail.bad_address");
  ASSERT_EQ(bad.fields.size(), 1u);
  EXPECT_EQ(bad.fields[0].field, "to[1]");
  m.to = {"a@b.test\r\nBcc: everyone@example.com"};
  EXPECT_EQ(Queue(m).error().code, "mail.bad_address");
  m = Reminder();
  m.subject = "Hello\r\nBcc: everyone@example.com";
  EXPECT_EQ(Queue(m).error().code, "mail.no_subject");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(OutboxTest, QueuedInTheCallersTransactionSoARolledBackWriteSendsNothing) {
  const auto rolled_back = db().Transact<int64_t>([&](store::Connection& c) -> Result<int64_t> {
    TRY(Enqueue(c, audit::Actor{7, "Ana Coordinator", "test"}, Reminder()));
    return Error::Conflict("test.later_step_failed", "the business write failed after queueing");
  });
  EXPECT_FALSE(rolled_back.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(OutboxTest, DeliversWithAttachmentAndRecordsItInTheAudit) {
  testing::SmtpServer smtp;
  jobs::Registry registry;
  RegisterDelivery(registry, db(), {SmtpConfig{smtp.url(), "", "", 10}, "timecards@concord.test"});
  Message m = Reminder();
  // A PDF-like binary with every byte value: base64 must carry it unchanged.
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  m.attachments = {{"timecard week 46.pdf", "application/pdf", bytes}};
  const int64_t id = Queue(m).value();
  EXPECT_EQ(Load(id).status, "queued");
  RunJobs(registry);

  const Outgoing sent = Load(id);
  EXPECT_EQ(sent.status, "sent");
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_FALSE(sent.sent_at.empty());
  EXPECT_EQ(sent.attachment_names, std::vector<std::string>{"timecard week 46.pdf"});
  const auto delivered = smtp.Messages();
  ASSERT_EQ(delivered.size(), 1u);
  // sha256 of bytes 0x00..0xff, from `python3 -c "print(hashlib.sha256(bytes(range(256))).hexdigest())"`.
  EXPECT_EQ(ReadWithPython(delivered[0]),
            "renee.dupont@acme-staffing.test, payroll@acme-staffing.test|Timecard missing \u2013 week of 16 Nov|"
            "Bonjour Ren\u00e9e, the timecard for the week of 16 November is missing.|timecard week 46.pdf|"
            "application/pdf|40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
  EXPECT_NE(delivered[0].find(sent.message_id.substr(1, sent.message_id.size() - 2)), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'mail' AND action = 'queue'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'mail' AND action = 'mail_sent'"), 1);
}

TEST_P(OutboxTest, WithoutARelayAMessageIsHeldAndCanBeSentAgainLater) {
  jobs::Registry no_relay;
  RegisterDelivery(no_relay, db(), {std::nullopt, "concord@localhost"});
  const int64_t id = Queue(Reminder()).value();
  RunJobs(no_relay);
  EXPECT_EQ(Load(id).status, "held");
  EXPECT_NE(Load(id).last_error.find("CONCORD_SMTP_URL"), std::string::npos);

  testing::SmtpServer smtp;
  jobs::Registry relay;
  RegisterDelivery(relay, db(), {SmtpConfig{smtp.url(), "", "", 10}, "concord@localhost"});
  ASSERT_TRUE(db().TransactStatus([&](store::Connection& c) { return Resend(c, audit::Actor{7, "Ana", "t"}, id); }).ok());
  RunJobs(relay);
  EXPECT_EQ(Load(id).status, "sent");
  EXPECT_EQ(smtp.Messages().size(), 1u);
  const Status again = db().TransactStatus([&](store::Connection& c) { return Resend(c, audit::Actor{7, "Ana", "t"}, id); });
  EXPECT_EQ(again.error().code, "mail.not_resendable");
}

TEST_P(OutboxTest, GeneratedMailIsHeldSoALaterRelayNeverSendsIt) {
  const int64_t id = Queue(Reminder()).value();
  EXPECT_EQ(db().Transact<int64_t>([](store::Connection& c) { return HoldQueued(c, "Demo data: not sent."); }).value(), 1);
  testing::SmtpServer smtp;
  jobs::Registry relay;
  RegisterDelivery(relay, db(), {SmtpConfig{smtp.url(), "", "", 10}, "concord@localhost"});
  RunJobs(relay);
  EXPECT_EQ(Load(id).status, "held");
  EXPECT_EQ(Load(id).last_error, "Demo data: not sent.");
  EXPECT_TRUE(smtp.Messages().empty());
}

TEST_P(OutboxTest, ARelayThatRefusesIsRetriedThenTheMessageFailsWithItsReason) {
  jobs::Registry registry;
  // Nothing listens on this port: every attempt is refused.
  RegisterDelivery(registry, db(), {SmtpConfig{"smtp://127.0.0.1:" + std::to_string(testing::FreePort()), "", "", 5},
                                    "concord@localhost"});
  const int64_t id = Queue(Reminder()).value();
  RunJobs(registry);
  const Outgoing failed = Load(id);
  EXPECT_EQ(failed.status, "failed");
  EXPECT_EQ(failed.attempts, kMaxAttempts);
  EXPECT_NE(failed.last_error.find("did not take the message"), std::string::npos) << failed.last_error;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'mail' AND action = 'mail_failed'"), 1);
}

TEST_P(OutboxTest, ListsNewestFirstFilteredAndSearched) {
  const int64_t first = Queue(Reminder()).value();
  Message invoice = Reminder();
  invoice.to = {"billing@globex.test"};
  invoice.subject = "Invoice INV-2026-0042";
  invoice.purpose = "invoice";
  invoice.client_id = 4;
  const int64_t second = Queue(invoice).value();
  auto conn = db().Acquire();
  const auto all = List(**conn, {}).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second);
  EXPECT_EQ(all[1].id, first);
  EXPECT_EQ(List(**conn, {.purpose = "invoice"}).value().size(), 1u);
  EXPECT_EQ(List(**conn, {.q = "GLOBEX"}).value().at(0).id, second);
  EXPECT_EQ(List(**conn, {.client_id = 3}).value().at(0).id, first);
  EXPECT_EQ(List(**conn, {.after_id = second, .limit = 1}).value().at(0).id, first);
  EXPECT_EQ(List(**conn, {.oldest_first = true, .limit = 1}).value().at(0).id, first);
  EXPECT_TRUE(List(**conn, {.after_id = second, .oldest_first = true}).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::mail
