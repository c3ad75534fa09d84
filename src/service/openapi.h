// OpenAPI component schemas of the service desk's records.
#pragma once

#include <nlohmann/json.hpp>

namespace concord::service {

nlohmann::json ServiceSchemas();

}  // namespace concord::service
