// OpenAPI component schemas of workforce management, merged into ComponentSchemas().
#pragma once

#include <nlohmann/json.hpp>

namespace concord::app {

nlohmann::json WfmSchemas();

}  // namespace concord::app
