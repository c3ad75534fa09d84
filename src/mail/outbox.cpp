#include "mail/outbox.h"

#include <cctype>
#include <cstdlib>

#include "crypto/crypto.h"
#include "store/sql.h"
#include "store/time.h"

namespace concord::mail {
namespace {

constexpr const char* kColumns =
    "id, status, to_addresses, subject, body, reply_to, from_address, purpose, entity, entity_id, client_id, created_by, "
    "message_id, in_reply_to, mail_references, attempts, last_error, created_at, sent_at";

// A deliverable address: one @ with text on both sides, a dot in the domain, and nothing that could
// end a header line or start another address.
bool IsAddress(const std::string& a) {
  const size_t at = a.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= a.size() || a.find('@', at + 1) != std::string::npos) return false;
  if (a.find_first_of(" \t\r\n,;<>\"()") != std::string::npos) return false;
  const std::string domain = a.substr(at + 1);
  return domain.find('.') != std::string::npos && domain.front() != '.' && domain.back() != '.';
}

// "<left@right>" on one line (RFC 5322 §3.6.4 msg-id).
bool IsMessageId(const std::string& id) {
  return id.size() > 4 && id.front() == '<' && id.back() == '>' && id.find('@') != std::string::npos &&
         id.find_first_of(" \t\r\n") == std::string::npos;
}

Status Validate(const Message& m) {
  if (m.to.empty())
    return Error::Invalid("mail.no_recipient", "The message has no recipient.", {{"to", "mail.no_recipient", "required"}});
  for (size_t i = 0; i < m.to.size(); ++i) {
    if (!IsAddress(m.to[i])) {
      const std::string field = "to[" + std::to_string(i) + "]";
      return Error::Invalid("mail.bad_address", "'" + m.to[i] + "' is not an e-mail address.",
                            {{field, "mail.bad_address", "not an e-mail address"}});
    }
  }
  for (const auto& [field, address] : {std::pair{"reply_to", &m.reply_to}, std::pair{"from", &m.from}}) {
    if (!address->empty() && !IsAddress(*address))
      return Error::Invalid("mail.bad_address", "'" + *address + "' is not an e-mail address.",
                            {{field, "mail.bad_address", "not an e-mail address"}});
  }
  if (!m.message_id.empty() && !IsMessageId(m.message_id))
    return Error::Invalid("mail.bad_message_id", "'" + m.message_id + "' is not a Message-ID (<left@right>).",
                          {{"message_id", "mail.bad_message_id", "<left@right>, one line"}});
  if (m.subject.empty() || m.subject.find_first_of("\r\n") != std::string::npos)
    return Error::Invalid("mail.no_subject", "The message needs a one-line subject.",
                          {{"subject", "mail.no_subject", "required, one line"}});
  return {};
}

Outgoing FromRow(const store::Row& r) {
  Outgoing o;
  o.id = r.Int("id");
  o.status = r.Text("status");
  o.to = nlohmann::json::parse(r.Text("to_addresses")).get<std::vector<std::string>>();
  o.subject = r.Text("subject");
  o.text = r.Text("body");
  o.reply_to = r.Text("reply_to");
  o.from = r.Text("from_address");
  o.in_reply_to = r.Text("in_reply_to");
  o.references = nlohmann::json::parse(r.Text("mail_references")).get<std::vector<std::string>>();
  o.purpose = r.Text("purpose");
  o.entity = r.Text("entity");
  o.entity_id = r.Text("entity_id");
  o.client_id = r.OptInt("client_id");
  o.created_by = r.OptInt("created_by");
  o.message_id = r.Text("message_id");
  o.attempts = static_cast<int>(r.Int("attempts"));
  o.last_error = r.Text("last_error");
  o.created_at = r.Text("created_at");
  o.sent_at = r.Text("sent_at");
  return o;
}

Result<std::vector<MailAttachment>> LoadAttachments(store::Connection& conn, int64_t id) {
  std::vector<MailAttachment> out;
  for (const auto& r : TRY(conn.Query("SELECT file_id FROM mail_outbox_attachments WHERE outbox_id = ? ORDER BY position",
                                      {id}))) {
    jobs::File f = TRY(jobs::LoadFile(conn, r.Int(0)));
    out.push_back({f.name, f.content_type, std::move(f.content)});
  }
  return out;
}

Status Record(store::Database& db, const Outgoing& o, const std::string& status, const std::string& error, int attempts) {
  return db.TransactStatus([&](store::Connection& conn) -> Status {
    const std::string now = store::NowText();
    TRY(conn.Execute("UPDATE mail_outbox SET status = ?, attempts = ?, last_error = ?, sent_at = ?, updated_at = ? "
                     "WHERE id = ?",
                     {status, int64_t{attempts}, error, status == "sent" ? store::Value(now) : store::Null(), now, o.id}));
    return audit::Append(conn, audit::Actor::System("mail"),
                         {"mail", std::to_string(o.id), o.client_id, "mail_" + status, nullptr,
                          {{"to", o.to}, {"subject", o.subject}, {"attempts", attempts}, {"error", error},
                           {"entity", o.entity}, {"entity_id", o.entity_id}}});
  });
}

Result<int64_t> EnqueueDelivery(store::Connection& conn, const Outgoing& o) {
  return jobs::Enqueue(conn, {.kind = kDeliverJob,
                              .payload = {{"outbox_id", o.id}},
                              .created_by = o.created_by,
                              .client_id = o.client_id,
                              .max_attempts = kMaxAttempts});
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"0050_mail_outbox", R"sql(
CREATE TABLE mail_outbox (
  id {{pk}},
  status TEXT NOT NULL,
  to_addresses TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  reply_to TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  entity TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  client_id {{int}},
  created_by {{int}},
  message_id TEXT NOT NULL UNIQUE,
  attempts {{int}} NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX mail_outbox_status ON mail_outbox (status, id);
CREATE INDEX mail_outbox_entity ON mail_outbox (entity, entity_id);
CREATE TABLE mail_outbox_attachments (
  id {{pk}},
  outbox_id {{int}} NOT NULL REFERENCES mail_outbox (id),
  position {{int}} NOT NULL,
  file_id {{int}} NOT NULL REFERENCES files (id)
);
CREATE INDEX mail_outbox_attachments_outbox ON mail_outbox_attachments (outbox_id);
)sql"},
          // Replies on a conversation (the service desk's) keep their sender and threading headers.
          {"0051_mail_outbox_threading", R"sql(
ALTER TABLE mail_outbox ADD COLUMN from_address TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_outbox ADD COLUMN mail_references TEXT NOT NULL DEFAULT '[]';
)sql"}};
}

nlohmann::json Outgoing::ToJson() const {
  return {{"id", id},
          {"status", status},
          {"to", to},
          {"subject", subject},
          {"text", text},
          {"reply_to", reply_to},
          {"from", from},
          {"in_reply_to", in_reply_to},
          {"purpose", purpose},
          {"entity", entity},
          {"entity_id", entity_id},
          {"client_id", client_id ? nlohmann::json(*client_id) : nlohmann::json()},
          {"created_by", created_by ? nlohmann::json(*created_by) : nlohmann::json()},
          {"message_id", message_id},
          {"attempts", attempts},
          {"last_error", last_error},
          {"created_at", created_at},
          {"sent_at", sent_at.empty() ? nlohmann::json() : nlohmann::json(sent_at)},
          {"attachments", attachment_names}};
}

Result<int64_t> Enqueue(store::Connection& conn, const audit::Actor& actor, const Message& m) {
  TRY(Validate(m));
  const std::string now = store::NowText();
  const std::string message_id = m.message_id.empty() ? "<" + crypto::RandomToken(16) + "@concord>" : m.message_id;
  const int64_t id = TRY(conn.QueryOne(
      "INSERT INTO mail_outbox (status, to_addresses, subject, body, reply_to, from_address, purpose, entity, entity_id, "
      "client_id, created_by, message_id, in_reply_to, mail_references, created_at, updated_at) "
      "VALUES ('queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {nlohmann::json(m.to).dump(), m.subject, m.text, m.reply_to, m.from, m.purpose, m.entity, m.entity_id,
       store::Opt(m.client_id), store::Opt(m.created_by), message_id, m.in_reply_to,
       nlohmann::json(m.references).dump(), now, now})).Int(0);
  std::vector<std::string> names;
  for (size_t i = 0; i < m.attachments.size(); ++i) {
    const MailAttachment& a = m.attachments[i];
    const int64_t file_id = TRY(jobs::SaveFile(conn, {.name = a.name,
                                                     .content_type = a.content_type,
                                                     .content = a.bytes,
                                                     .created_by = m.created_by,
                                                     .client_id = m.client_id}));
    TRY(conn.Execute("INSERT INTO mail_outbox_attachments (outbox_id, position, file_id) VALUES (?, ?, ?)",
                     {id, static_cast<int64_t>(i), file_id}));
    names.push_back(a.name);
  }
  Outgoing o;
  o.id = id;
  o.client_id = m.client_id;
  o.created_by = m.created_by;
  TRY(EnqueueDelivery(conn, o));
  TRY(audit::Append(conn, actor,
                    {"mail", std::to_string(id), m.client_id, "queue", nullptr,
                     {{"to", m.to}, {"subject", m.subject}, {"purpose", m.purpose}, {"entity", m.entity},
                      {"entity_id", m.entity_id}, {"attachments", names}}}));
  return id;
}

Result<Outgoing> Get(store::Connection& conn, int64_t id) {
  const store::Row row = TRY(conn.QueryOne(std::string("SELECT ") + kColumns + " FROM mail_outbox WHERE id = ?", {id},
                                           "mail.not_found"));
  Outgoing o = FromRow(row);
  for (const auto& r : TRY(conn.Query("SELECT f.name FROM mail_outbox_attachments a JOIN files f ON f.id = a.file_id "
                                      "WHERE a.outbox_id = ? ORDER BY a.position",
                                      {id})))
    o.attachment_names.push_back(r.Text(0));
  return o;
}

Result<std::map<std::string, std::string>> StatusByMessageId(store::Connection& conn,
                                                             const std::vector<std::string>& message_ids) {
  std::map<std::string, std::string> out;
  for (const std::string& id : message_ids) {
    auto rows = TRY(conn.Query("SELECT status FROM mail_outbox WHERE message_id = ?", {id}));
    if (!rows.empty()) out[id] = rows[0].Text(0);
  }
  return out;
}

Result<std::vector<Outgoing>> List(store::Connection& conn, const ListQuery& query) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM mail_outbox WHERE 1 = 1";
  std::vector<store::Value> params;
  auto equal = [&](const char* column, const std::optional<std::string>& value) {
    if (!value) return;
    sql += std::string(" AND ") + column + " = ?";
    params.emplace_back(*value);
  };
  equal("status", query.status);
  equal("purpose", query.purpose);
  equal("entity", query.entity);
  equal("entity_id", query.entity_id);
  if (query.client_id) {
    sql += " AND client_id = ?";
    params.emplace_back(*query.client_id);
  }
  if (query.q && !query.q->empty()) {
    sql += " AND (LOWER(subject) LIKE ? OR LOWER(to_addresses) LIKE ?)";
    std::string like = "%";
    for (char c : *query.q) like += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    like += "%";
    params.emplace_back(like);
    params.emplace_back(like);
  }
  store::AppendKeysetPage("id", "id", !query.oldest_first, std::nullopt, query.after_id, query.limit, sql, params);
  std::vector<Outgoing> out;
  for (const auto& r : TRY(conn.Query(sql, params))) out.push_back(FromRow(r));
  return out;
}

DeliveryConfig DeliveryConfig::FromEnvironment() {
  DeliveryConfig c;
  c.smtp = SmtpConfig::FromEnvironment();
  if (const char* from = std::getenv("CONCORD_MAIL_FROM"); from && *from) c.from = from;
  return c;
}

void RegisterDelivery(jobs::Registry& registry, store::Database& db, DeliveryConfig config) {
  registry.Register(kDeliverJob, [&db, config](const jobs::Job& job, jobs::Progress&) -> Result<jobs::Outcome> {
    const int64_t id = job.payload.at("outbox_id").get<int64_t>();
    auto conn = TRY(db.Acquire());
    const Outgoing o = TRY(Get(*conn, id));
    if (o.status != "queued") return jobs::Outcome{{{"outbox_id", id}, {"status", o.status}}, std::nullopt};
    const int attempts = o.attempts + 1;
    if (!config.smtp) {
      TRY(Record(db, o, "held", "No mail relay is configured (CONCORD_SMTP_URL).", o.attempts));
      return jobs::Outcome{{{"outbox_id", id}, {"status", "held"}}, std::nullopt};
    }
    const std::string from = o.from.empty() ? config.from : o.from;
    OutboundMail out{o.message_id, o.in_reply_to, o.references, from, o.to, o.subject, o.text,
                     TRY(LoadAttachments(*conn, id)), o.reply_to};
    const Status sent = SendSmtp(*config.smtp, from, o.to, WriteMail(out));
    if (sent.ok()) {
      TRY(Record(db, o, "sent", "", attempts));
      return jobs::Outcome{{{"outbox_id", id}, {"status", "sent"}}, std::nullopt};
    }
    // The job queue retries with backoff; the message stays queued until its last attempt fails.
    const bool last = job.attempts >= job.max_attempts;
    TRY(Record(db, o, last ? "failed" : "queued", sent.error().message, attempts));
    return sent.error();
  });
}

Result<int64_t> HoldQueued(store::Connection& conn, const std::string& reason) {
  TRY(conn.Execute("DELETE FROM jobs WHERE kind = ? AND state = 'queued'", {std::string(kDeliverJob)}));
  const int64_t held = TRY(conn.Execute(
      "UPDATE mail_outbox SET status = 'held', last_error = ?, updated_at = ? WHERE status = 'queued'",
      {reason, store::NowText()}));
  TRY(audit::Append(conn, audit::Actor::System("mail"),
                    {"mail", "*", std::nullopt, "hold_queued", nullptr, {{"held", held}, {"reason", reason}}}));
  return held;
}

Status Resend(store::Connection& conn, const audit::Actor& actor, int64_t id) {
  const Outgoing o = TRY(Get(conn, id));
  if (o.status != "held" && o.status != "failed")
    return Error::Conflict("mail.not_resendable", "Message " + std::to_string(id) + " is " + o.status +
                                                      "; only a held or failed message can be sent again.");
  TRY(conn.Execute("UPDATE mail_outbox SET status = 'queued', last_error = '', updated_at = ? WHERE id = ?",
                   {store::NowText(), id}));
  TRY(EnqueueDelivery(conn, o));
  return audit::Append(conn, actor, {"mail", std::to_string(id), o.client_id, "resend", {{"status", o.status}},
                                     {{"status", "queued"}}});
}

}  // namespace concord::mail
