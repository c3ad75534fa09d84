// Chat exports read into messages for the worker's timeline (seed 000: "Client specific chat
// communication (IE: Google Chat, Slack)"). Pure: files in, messages or the first error out.
//
// Slack (a workspace or channel export, https://slack.com/help/articles/220556107): `users.json` (an array
// of users: id, name, profile.real_name, profile.email) and one file per channel and day,
// `<channel>/<YYYY-MM-DD>.json`, an array of messages {type: "message", user, text, ts, subtype?}. `ts` is
// the Unix time with microseconds ("1763650800.000200") and identifies the message in its channel.
// Messages with a subtype (joins, topic changes, bot posts) are not conversation and are skipped.
//
// Google Chat (Google Takeout, "Google Chat/Groups/<space>/messages.json"): {"messages": [{creator: {name,
// email, user_type}, created_date, text, message_id, topic_id}]}; `created_date` is written out
// ("Friday, November 20, 2026 at 3:00:00 PM UTC", or day-first "Friday, 20 November 2026 at 15:00:00 UTC").
// Other Takeout files (group_info.json, user_info.json) are ignored.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace concord::workforce {

struct ChatFile {
  std::string name;     // the path inside the export, e.g. "payroll-help/2026-11-20.json"
  std::string content;  // the JSON text
};

struct ChatMessage {
  std::string channel;       // "slack" or "google_chat"
  std::string conversation;  // the Slack channel or the Google Chat space
  std::string external_id;   // unique per channel: "<conversation>/<ts>" (Slack), message_id (Google)
  std::string sender_email;  // lower-case; "" when the export does not know it
  std::string sender_name;
  std::string text;
  std::string occurred_at;   // RFC 3339 UTC
  std::string file;          // where it was read, for messages about it
  int line = 0;
};

// Errors "chat.invalid" with one field error naming file, line and field, e.g.
// "payroll-help/2026-11-20.json, line 9 (ts)". Nothing is returned on error.
Result<std::vector<ChatMessage>> ParseSlackExport(const std::vector<ChatFile>& files);
Result<std::vector<ChatMessage>> ParseGoogleChatExport(const std::vector<ChatFile>& files);

// The line (1-based) where each JSON object opening at nesting `depth` starts, in order: the
// messages of a Slack day file are at depth 1, those of a Takeout messages.json at depth 2.
std::vector<int> ObjectLines(const std::string& json_text, int depth);

// Google Chat's written-out creation time as RFC 3339 UTC; "" when it cannot be read.
std::string GoogleChatTime(const std::string& created_date);

}  // namespace concord::workforce
