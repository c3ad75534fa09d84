// Mail in and out of the desk: an inbound message joins the case it answers (Message-ID threading,
// else the [#n] tag from the same sender) or opens a new one in the queue of the address it was sent
// to. Replies go out through the outbox (desk_cases.cpp), threaded by their headers.
#include "crypto/crypto.h"
#include "jobs/jobs.h"
#include "mail/mime.h"
#include "service/case_write.h"
#include "service/desk.h"

namespace concord::service {

using mail::MailAttachment;
using mail::ParsedMail;

namespace {

// The case this mail answers, if any: threading headers first, the subject tag as a fallback (only
// from the case's own requester, so a stranger cannot post into someone's case by guessing numbers).
Result<std::optional<int64_t>> ThreadedCase(store::Connection& conn, const ParsedMail& mail) {
  std::vector<std::string> ids = mail.references;
  if (!mail.in_reply_to.empty()) ids.push_back(mail.in_reply_to);
  if (auto found = TRY(FindCaseByMessageIds(conn, ids))) return found;
  if (const auto number = CaseNumberInSubject(mail.subject)) {
    auto c = LoadCase(conn, CaseScope{}, *number);
    if (c.ok() && c->requester_email == mail.from_address)
      return std::optional<int64_t>(c->merged_into_id.value_or(c->id));
  }
  return std::optional<int64_t>();
}

Result<Entry> MailEntry(store::Connection& conn, const ParsedMail& mail, std::optional<int64_t> client_id) {
  Entry e;
  e.kind = "message_in";
  e.is_public = true;
  e.author_name = mail.from_name.empty() ? mail.from_address : mail.from_name;
  e.body = mail.text;
  e.mail_message_id = mail.message_id;
  e.mail_in_reply_to = mail.in_reply_to;
  e.mail_references = mail.references;
  e.mail_from = mail.from_address;
  for (const auto& t : mail.to) e.mail_to += (e.mail_to.empty() ? "" : ", ") + t;
  e.mail_subject = mail.subject;
  for (const MailAttachment& a : mail.attachments) {
    const int64_t file = TRY(jobs::SaveFile(conn, {0, a.name, a.content_type, a.bytes, std::nullopt, client_id}));
    e.attachments.push_back({a.name, a.content_type, static_cast<int64_t>(a.bytes.size()), file});
  }
  return e;
}

}  // namespace

Result<MailIngest> ServiceDesk::IngestMail(const std::string& raw, const std::string& request_id) {
  const ParsedMail mail = TRY(mail::ParseMail(raw));
  const Instant now = now_();
  return db_.Transact<MailIngest>([&](store::Connection& conn) -> Result<MailIngest> {
    if (!mail.message_id.empty() && TRY(MessageIdKnown(conn, mail.message_id))) {
      auto row = TRY(conn.QueryOne("SELECT case_id FROM case_entries WHERE mail_message_id = ? ORDER BY id LIMIT 1",
                                   {mail.message_id}));
      return MailIngest{row.Int(0), false, true};  // the same message again: nothing new
    }
    CaseWriter w(conn, audit::Actor::System(request_id), now);
    if (const auto existing = TRY(ThreadedCase(conn, mail))) {
      Case c = TRY(LoadCase(conn, CaseScope{}, *existing));
      if (c.status != "closed") {
        const int64_t version = c.version;
        const Entry e = TRY(MailEntry(conn, mail, c.client_id));
        TRY(w.AddEntry(c, e));
        if (c.status == "pending_requester" || c.status == "on_hold" || c.status == "solved")
          TRY(w.ChangeStatus(c, "open"));
        TRY(w.Finish(c, version, "mail_in", nullptr, ToJson(e)));
        return MailIngest{c.id, false, false};
      }
    }
    // A new case (or a follow-up to a closed one): the requester by their contact address.
    Case c;
    c.subject = mail.subject.empty() ? "(no subject)" : mail.subject.substr(0, 300);
    c.requester_kind = "contact";
    c.requester_name = mail.from_name.empty() ? mail.from_address : mail.from_name;
    c.requester_email = mail.from_address;
    c.channel = "email";
    auto contacts = TRY(conn.Query("SELECT id, client_id FROM contacts WHERE LOWER(email) = ? ORDER BY id LIMIT 1",
                                   {mail.from_address}));
    if (!contacts.empty()) {
      c.requester_contact_id = contacts[0].Int(0);
      c.client_id = contacts[0].Int(1);
    }
    const std::vector<Queue> queues = TRY(ListQueues(conn));
    for (const std::string& to : mail.to) {
      for (const Queue& q : queues)
        if (!c.queue_id && !q.inbound_address.empty() && q.inbound_address == to) c.queue_id = q.id;
    }
    c.survey_token = crypto::RandomToken(16);
    c.created_at = c.updated_at = now.ToString();
    c.id = TRY(InsertCase(conn, c));
    const Entry e = TRY(MailEntry(conn, mail, c.client_id));
    TRY(w.AddEntry(c, e));
    TRY(w.ChoosePolicy(c));
    TRY(w.Route(c));
    TRY(w.Finish(c, 1, "mail_in", nullptr, ToJson(e)));
    return MailIngest{c.id, true, false};
  });
}

}  // namespace concord::service
