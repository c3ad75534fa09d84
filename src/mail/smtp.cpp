#include "mail/smtp.h"

#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace concord::mail {
namespace {

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t left = up->data->size() - up->offset;
  const size_t n = std::min(room, left);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::optional<SmtpConfig> SmtpConfig::FromEnvironment() {
  SmtpConfig c;
  c.url = Env("CONCORD_SMTP_URL");
  if (c.url.empty()) return std::nullopt;
  c.username = Env("CONCORD_SMTP_USER");
  c.password = Env("CONCORD_SMTP_PASSWORD");
  return c;
}

Status SendSmtp(const SmtpConfig& config, const std::string& from, const std::vector<std::string>& to,
                const std::string& message) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Error::Internal("mail.send_failed", "curl could not start");
  curl_slist* recipients = nullptr;
  for (const std::string& r : to) recipients = curl_slist_append(recipients, ("<" + r + ">").c_str());
  const std::string mail_from = "<" + from + ">";
  Upload upload{&message};
  curl_easy_setopt(curl, CURLOPT_URL, config.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, config.timeout_s);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (!config.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK)
    return Error{ErrorKind::kUnavailable, "mail.send_failed",
                 "The mail relay " + config.url + " did not take the message: " + curl_easy_strerror(rc), {}};
  return {};
}

}  // namespace concord::mail
