// The satisfaction survey mailed to the requester when a case is solved: a link to the public survey
// page, whose token answers POST /api/v1/case-surveys.
#pragma once

#include <string>

#include "mail/outbox.h"
#include "service/case.h"

namespace concord::service {

// $CONCORD_PUBLIC_URL (the web app's address as people reach it; default http://localhost:8080) + path.
std::string PublicLink(const std::string& path);

// PublicLink("/survey/" + token).
std::string SurveyLink(const std::string& token);

// Whether solving a case mails the survey: yes unless $CONCORD_SURVEY_MAIL is "off" (a desk that does not
// survey; the demo generator, whose requesters are made up).
bool SurveyMailEnabled();

// The message for the case's requester ("[#n]" in the subject, so a reply threads into the case).
mail::Message SurveyMessage(const Case& c);

}  // namespace concord::service
