// Messages from other channels onto the worker's timeline (seed 000: "Manages emails, phone calls,
// voicemails, and Client specific chat communication (IE: Google Chat, Slack)"):
//  - chat exports (chat_export.h): each message whose sender's e-mail is a worker's goes on that worker's
//    timeline (inbound); in a conversation with exactly one worker, the others' messages go on it too
//    (outbound, by their author) so a direct conversation reads whole — unless the author is a worker the
//    caller cannot see; others are counted as unmatched;
//  - inbound e-mail: a message from a worker's address, or from a client contact with a worker among the
//    recipients, goes on that worker's timeline with its attachments (stored with their SHA-256).
// Idempotent by (worker, channel, message id); all or nothing; every entry audited.
//
// Why not the service desk's `concord mail ingest`: the desk opens a case for every message, and a
// worker's ordinary reply ("here is my pay stub") belongs on their timeline, not in a queue. The CLI's
// `--to-timeline` tries this first and leaves every other message to the desk.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "jobs/jobs.h"
#include "store/db.h"
#include "workforce/chat_export.h"

namespace concord::workforce {

struct ChatImportReport {
  int imported = 0;
  int already_imported = 0;
  int unmatched = 0;  // senders who are no worker the caller can see, in conversations with several workers
  int workers = 0;    // workers whose timeline gained or already had messages
};

struct MailToTimeline {
  bool matched = false;  // false: no worker matched; nothing recorded
  bool duplicate = false;
  int64_t worker_id = 0;
  int64_t entry_id = 0;
};

class TimelineImports {
 public:
  explicit TimelineImports(store::Database& db) : db_(db) {}

  // source "slack" or "google_chat".
  Result<ChatImportReport> ImportChat(const auth::Principal& caller, const std::string& source,
                                      const std::vector<ChatFile>& files, const std::string& request_id);
  // One raw RFC 5322 message, as the system (the CLI) or an internal caller.
  Result<MailToTimeline> IngestMail(const auth::Principal& caller, const std::string& raw,
                                    const std::string& request_id);
  // Attachment `index` of a timeline entry, in the caller's scope (404 otherwise).
  Result<jobs::File> Attachment(const auth::Principal& caller, int64_t entry_id, size_t index);

 private:
  store::Database& db_;
};

}  // namespace concord::workforce
