// The communication part of the Workforce demo: payroll tickets in every state (some follow-ups due),
// Slack conversations with a few workers (imported through the Slack reader) and a worker's e-mail with an
// attachment (through the inbound-mail path).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "app/platform.h"

namespace concord::app {

// `active`: active assignments of the EOR demo; tickets go on their workers.
Status AddCommsDemo(Platform& p, const auth::Principal& coordinator, const std::vector<nlohmann::json>& active,
                    Date today);
// The Level-1 knowledge articles (demo_knowledge.cpp).
Status AddKnowledgeDemo(Platform& p, const auth::Principal& coordinator);

}  // namespace concord::app
