#include "service/survey_mail.h"

#include <cstdlib>

namespace concord::service {

std::string PublicLink(const std::string& path) {
  const char* env = std::getenv("CONCORD_PUBLIC_URL");
  std::string base = env && *env ? env : "http://localhost:8080";
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

std::string SurveyLink(const std::string& token) { return PublicLink("/survey/" + token); }

bool SurveyMailEnabled() {
  const char* env = std::getenv("CONCORD_SURVEY_MAIL");
  return !(env && std::string(env) == "off");
}

mail::Message SurveyMessage(const Case& c) {
  mail::Message m;
  m.to = {c.requester_email};
  m.subject = "How did we do? " + c.subject + " [#" + std::to_string(c.id) + "]";
  m.text = "Hello " + (c.requester_name.empty() ? std::string("there") : c.requester_name) + ",\n\n" +
           "Your request \"" + c.subject + "\" (case #" + std::to_string(c.id) +
           ") is solved. Would you tell us how we did? One click, 1 to 5:\n\n" + SurveyLink(c.survey_token) +
           "\n\nIf anything is still wrong, just reply to this message and the case opens again.\n";
  m.purpose = "case_survey";
  m.entity = "case";
  m.entity_id = std::to_string(c.id);
  m.client_id = c.client_id;
  return m;
}

}  // namespace concord::service
