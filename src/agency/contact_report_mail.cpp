// E-mailing a contact report to its attendees through the outbox: the PDF is attached, the message is
// queued and the distribution recorded in one transaction, so "distributed" means a message exists.
#include "agency/loaders.h"
#include "audit/audit.h"
#include "mail/outbox.h"

namespace concord::agency {

Result<ContactReport> MeetingService::EmailContactReport(const auth::Principal& caller, int64_t id,
                                                         int64_t expected_version, const std::string& request_id) {
  const ContactReport report = TRY(GetContactReport(caller, id));
  std::vector<std::string> to;
  for (const auto& a : report.attendees) {
    if (!a.email.empty()) to.push_back(a.email);
  }
  if (to.empty()) {
    return InvalidAt("contact_report.no_recipient", "attendees", "No attendee has an e-mail address to send it to.");
  }
  const RenderedDocument pdf = TRY(ContactReportDocument(report));
  mail::Message message;
  message.to = to;
  message.subject = "Contact report: " + report.client_name + ", meeting of " + report.meeting_date.ToString();
  message.text = "Hello,\n\nattached is the contact report of our meeting on " + report.meeting_date.ToString() +
                 ".\n\nDecisions:\n" + (report.decisions.empty() ? "-" : report.decisions) + "\n\n" +
                 std::to_string(report.action_items.size()) + " action item(s) are listed in the report.\n\n" +
                 caller.name + "\n";
  message.attachments = {{pdf.file_name, pdf.content_type, pdf.bytes}};
  message.purpose = "contact_report";
  message.entity = "agency_contact_report";
  message.entity_id = std::to_string(id);
  message.client_id = report.client_id;
  if (caller.user_id) message.created_by = caller.user_id;
  std::string recipients;
  for (const auto& address : to) recipients += (recipients.empty() ? "" : ", ") + address;
  return db_.Transact<ContactReport>([&](store::Connection& c) -> Result<ContactReport> {
    TRY(mail::Enqueue(c, caller.Actor(request_id), message));
    return RecordDistribution(c, caller, id, expected_version, recipients, request_id);
  });
}

}  // namespace concord::agency
