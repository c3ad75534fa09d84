// E-mail copies of the messages recorded on workers' timelines (WorkforceService), through the outbox.
#include "mail/outbox.h"
#include "workforce/service.h"

namespace concord::workforce {

Result<int64_t> WorkforceService::MailEntry(store::Connection& c, const auth::Principal& caller, const json& entry,
                                            const std::string& to, const std::string& purpose,
                                            std::vector<mail::MailAttachment> attachments,
                                            const std::string& request_id) {
  if (to.empty()) return int64_t{0};
  const bool on_assignment = entry.contains("assignment_id") && entry["assignment_id"].is_number_integer();
  mail::Message message;
  message.to = {to};
  message.subject = entry.value("subject", "");
  message.text = entry.value("body", "");
  message.attachments = std::move(attachments);
  message.purpose = purpose;
  message.entity = on_assignment ? "assignment" : "worker";
  message.entity_id = std::to_string(on_assignment ? entry["assignment_id"].get<int64_t>()
                                                   : entry["worker_id"].get<int64_t>());
  if (entry.contains("client_id") && entry["client_id"].is_number_integer()) {
    message.client_id = entry["client_id"].get<int64_t>();
  }
  if (caller.user_id > 0) message.created_by = caller.user_id;
  return mail::Enqueue(c, caller.Actor(request_id), message);
}

}  // namespace concord::workforce
