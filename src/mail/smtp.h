// Outbound mail over SMTP to a configured relay, with libcurl. The relay comes from
// $CONCORD_SMTP_URL ("smtp://127.0.0.1:2525", "smtps://relay.example:465"), with optional
// $CONCORD_SMTP_USER / $CONCORD_SMTP_PASSWORD.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace concord::mail {

struct SmtpConfig {
  std::string url;
  std::string username, password;
  long timeout_s = 30;
  static std::optional<SmtpConfig> FromEnvironment();
};

// Sends one RFC 5322 message. Error "mail.send_failed" with curl's reason.
Status SendSmtp(const SmtpConfig& config, const std::string& from, const std::vector<std::string>& to,
                const std::string& message);

}  // namespace concord::mail
