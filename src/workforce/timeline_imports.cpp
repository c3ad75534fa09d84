#include "workforce/timeline_imports.h"

#include <algorithm>
#include <map>
#include <set>

#include "crypto/crypto.h"
#include "mail/mime.h"
#include "store/time.h"
#include "workforce/audited_records.h"
#include "workforce/records.h"

namespace concord::workforce {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

Result<bool> AlreadyOnTimeline(store::Connection& c, int64_t worker_id, const std::string& channel,
                               const std::string& external_id) {
  auto row = TRY(c.QueryOne("SELECT COUNT(*) FROM wf_timeline WHERE worker_id = ? AND channel = ? AND external_id = ?",
                            {worker_id, channel, external_id}));
  return row.Int(0) > 0;
}

// A timeline entry for `worker_id`, tied to their latest assignment's client (so the client's users see
// it like the coordinator's own entries on that assignment).
Result<json> RecordOn(store::Connection& c, const auth::Principal& caller, int64_t worker_id, json entry,
                      const std::string& request_id) {
  entry["worker_id"] = worker_id;
  if (const auto a = TRY(LatestAssignment(c, caller, worker_id))) {
    entry["assignment_id"] = (*a)["id"];
    entry["client_id"] = (*a)["client_id"];
  }
  return AppendTimeline(c, caller, std::move(entry), request_id);
}

}  // namespace

Result<ChatImportReport> TimelineImports::ImportChat(const auth::Principal& caller, const std::string& source,
                                                     const std::vector<ChatFile>& files, const std::string& request_id) {
  std::vector<ChatMessage> messages;
  if (source == "slack") {
    messages = TRY(ParseSlackExport(files));
  } else if (source == "google_chat") {
    messages = TRY(ParseGoogleChatExport(files));
  } else {
    return Error::BadRequest("chat.source", "source must be slack or google_chat.");
  }
  return db_.Transact<ChatImportReport>([&](store::Connection& c) -> Result<ChatImportReport> {
    std::map<std::string, int64_t> worker_by_email;  // the workers the caller can see
    for (const auto& w : TRY(AllRecords(c, WorkerTable(), caller, {}))) {
      if (w["email"].is_string() && !w["email"].get<std::string>().empty()) {
        worker_by_email[Lower(w["email"].get<std::string>())] = w["id"].get<int64_t>();
      }
    }
    std::set<std::string> any_worker;  // every worker's address: a worker outside the caller's scope is no staff
    for (const auto& row : TRY(c.Query("SELECT LOWER(email) FROM wf_workers WHERE email IS NOT NULL", {}))) {
      any_worker.insert(row.Text(0));
    }
    std::map<std::string, std::set<int64_t>> workers_in;  // conversation → the workers who speak in it
    for (const auto& m : messages) {
      if (auto it = worker_by_email.find(m.sender_email); it != worker_by_email.end()) {
        workers_in[m.conversation].insert(it->second);
      }
    }
    ChatImportReport report;
    std::set<int64_t> touched;
    for (const auto& m : messages) {
      int64_t worker_id = 0;
      std::string direction = "inbound";
      if (auto it = worker_by_email.find(m.sender_email); it != worker_by_email.end()) {
        worker_id = it->second;
      } else if (!any_worker.count(m.sender_email) && workers_in[m.conversation].size() == 1) {
        worker_id = *workers_in[m.conversation].begin();
        direction = "outbound";
      } else {
        ++report.unmatched;
        continue;
      }
      touched.insert(worker_id);
      if (TRY(AlreadyOnTimeline(c, worker_id, m.channel, m.external_id))) {
        ++report.already_imported;
        continue;
      }
      TRY(RecordOn(c, caller, worker_id,
                   {{"kind", "chat"},
                    {"channel", m.channel},
                    {"external_id", m.external_id},
                    {"direction", direction},
                    {"subject", (m.channel == "slack" ? "#" : "") + m.conversation},
                    {"body", m.text.empty() ? "(no text)" : m.text},
                    {"author_name", m.sender_name.empty() ? m.sender_email : m.sender_name},
                    {"occurred_at", m.occurred_at}},
                   request_id));
      ++report.imported;
    }
    report.workers = static_cast<int>(touched.size());
    return report;
  });
}

Result<MailToTimeline> TimelineImports::IngestMail(const auth::Principal& caller, const std::string& raw,
                                                   const std::string& request_id) {
  const mail::ParsedMail m = TRY(mail::ParseMail(raw));
  const std::string from = Lower(m.from_address);
  const std::string message_id = m.message_id.empty() ? "sha256:" + crypto::Sha256Hex(raw) : m.message_id;
  return db_.Transact<MailToTimeline>([&](store::Connection& c) -> Result<MailToTimeline> {
    MailToTimeline out;
    // The worker who wrote, else a worker addressed by one of their client's contacts.
    auto workers = TRY(c.Query("SELECT id FROM wf_workers WHERE LOWER(email) = ? ORDER BY id LIMIT 1", {from}));
    if (workers.empty()) {
      for (const std::string& to : m.to) {
        workers = TRY(c.Query(
            "SELECT w.id FROM wf_workers w WHERE LOWER(w.email) = ? AND EXISTS (SELECT 1 FROM wf_assignments a "
            "JOIN contacts k ON k.client_id = a.client_id WHERE a.worker_id = w.id AND LOWER(k.email) = ?) "
            "ORDER BY w.id LIMIT 1",
            {Lower(to), from}));
        if (!workers.empty()) break;
      }
    }
    if (workers.empty()) return out;
    out.worker_id = workers[0].Int(0);
    TRY(LoadRecord(c, WorkerTable(), caller, out.worker_id));  // the caller's scope
    out.matched = true;
    if (TRY(AlreadyOnTimeline(c, out.worker_id, "email", message_id))) {
      out.duplicate = true;
      return out;
    }
    json attachments = json::array();
    for (const auto& a : m.attachments) {
      const int64_t file_id = TRY(jobs::SaveFile(c, jobs::File{0, a.name, a.content_type, a.bytes, std::nullopt,
                                                               std::nullopt}));
      attachments.push_back({{"name", a.name}, {"content_type", a.content_type},
                             {"size", static_cast<int64_t>(a.bytes.size())}, {"sha256", crypto::Sha256Hex(a.bytes)},
                             {"file_id", file_id}});
    }
    const json entry = TRY(RecordOn(c, caller, out.worker_id,
                                    {{"kind", "email"},
                                     {"channel", "email"},
                                     {"external_id", message_id},
                                     {"direction", "inbound"},
                                     {"subject", m.subject},
                                     {"body", m.text.empty() ? "(no text)" : m.text},
                                     {"attachments", attachments},
                                     {"author_name", m.from_name.empty() ? m.from_address : m.from_name + " <" + m.from_address + ">"},
                                     {"occurred_at", m.date.empty() ? store::NowText() : m.date}},
                                    request_id));
    out.entry_id = entry["id"].get<int64_t>();
    return out;
  });
}

Result<jobs::File> TimelineImports::Attachment(const auth::Principal& caller, int64_t entry_id, size_t index) {
  auto conn = TRY(db_.Acquire());
  const json entry = TRY(LoadRecord(*conn, TimelineTable(), caller, entry_id));
  const json& list = entry["attachments"];
  if (!list.is_array() || index >= list.size()) {
    return Error::NotFound("timeline_entry.attachment_not_found", "The entry has no such attachment.");
  }
  return jobs::LoadFile(*conn, list[index]["file_id"].get<int64_t>());
}

}  // namespace concord::workforce
