// The outbox: every e-mail concord sends on its own (reminders, messages to workers, invoices, survey
// links, reports) is queued here inside the transaction of the write that asks for it, so a message
// exists exactly when that write does, and is delivered afterwards by a background job over SMTP with
// retries. Each message keeps what it concerns (entity, client) and its delivery state, so people can
// see what went out, what failed and why, and send a held or failed one again.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "core/result.h"
#include "jobs/jobs.h"
#include "mail/mime.h"
#include "mail/smtp.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::mail {

std::vector<store::Migration> Migrations();

inline constexpr const char* kDeliverJob = "mail.deliver";
inline constexpr int kMaxAttempts = 5;  // 10 s, 20 s, 40 s, 80 s apart (the job queue's backoff)

struct Message {
  std::vector<std::string> to;  // addresses; at least one
  std::string subject, text;
  std::string reply_to;  // optional
  std::string from;      // optional sender (a queue's own address); else the configured one
  // Threading (RFC 5322 §3.6.4): a reply on a conversation keeps its own Message-ID, set by the caller,
  // and names what it answers; empty ones are generated / left out.
  std::string message_id, in_reply_to;
  std::vector<std::string> references;
  std::vector<MailAttachment> attachments;
  std::string purpose;                 // what kind of message: "timecard_reminder", "invoice", ...
  std::string entity, entity_id;       // the record it concerns, as in audit events
  std::optional<int64_t> client_id;    // the tenant, for scoped reads
  std::optional<int64_t> created_by;   // the user who caused it, if any
};

// Validates and queues `message`, with its delivery job and an audit event, in the caller's
// transaction. Errors (field-named): "mail.no_recipient" (to), "mail.bad_address" (to[i], reply_to,
// from), "mail.bad_message_id" (message_id), "mail.no_subject" (subject). Returns the outbox id.
Result<int64_t> Enqueue(store::Connection& conn, const audit::Actor& actor, const Message& message);

// A queued message as stored: queued → sent, or held (no relay configured) / failed (after the last
// attempt); a held or failed one can be queued again.
struct Outgoing {
  int64_t id = 0;
  std::string status;  // queued, sent, held, failed
  std::vector<std::string> to;
  std::string subject, text, reply_to, from, purpose, entity, entity_id, message_id, in_reply_to;
  std::vector<std::string> references;
  std::optional<int64_t> client_id, created_by;
  int attempts = 0;
  std::string last_error, created_at, sent_at;
  std::vector<std::string> attachment_names;
  nlohmann::json ToJson() const;
};

Result<Outgoing> Get(store::Connection& conn, int64_t id);

// The delivery state (queued, sent, held, failed) of those of `message_ids` that are in the outbox.
Result<std::map<std::string, std::string>> StatusByMessageId(store::Connection& conn,
                                                             const std::vector<std::string>& message_ids);

// The relay and the sender address deliveries use: $CONCORD_SMTP_URL (see smtp.h) and
// $CONCORD_MAIL_FROM (default "concord@localhost").
struct DeliveryConfig {
  std::optional<SmtpConfig> smtp;
  std::string from = "concord@localhost";
  static DeliveryConfig FromEnvironment();
};

// Registers the delivery job: it writes the message (Message-ID fixed at enqueue, so a resend is the
// same message to the recipient), sends it, and records sent / failed with the relay's reason.
void RegisterDelivery(jobs::Registry& registry, store::Database& db, DeliveryConfig config);

// The outbox newest first (or oldest first), filtered; `q` searches subject and recipients. Keyset pages on id.
struct ListQuery {
  std::optional<std::string> status, purpose, entity, entity_id, q;
  std::optional<int64_t> client_id;
  std::optional<int64_t> after_id;  // the page after this id, in the chosen order
  bool oldest_first = false;
  int limit = 50;
};
Result<std::vector<Outgoing>> List(store::Connection& conn, const ListQuery& query);

// Holds every queued message (and drops its delivery job), with `reason`: generated data such as the
// demo's must not reach a relay configured later. Returns how many.
Result<int64_t> HoldQueued(store::Connection& conn, const std::string& reason);

// Queues a held or failed message again. Error "mail.not_resendable" when it was sent or is queued.
Status Resend(store::Connection& conn, const audit::Actor& actor, int64_t id);

}  // namespace concord::mail
