// The communication part of the Workforce demo: payroll tickets in every state (some follow-ups due).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "app/platform.h"

namespace concord::app {

// `active`: active assignments of the EOR demo; tickets go on their workers.
Status AddCommsDemo(Platform& p, const auth::Principal& coordinator, const std::vector<nlohmann::json>& active,
                    Date today);

}  // namespace concord::app
