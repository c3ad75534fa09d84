// The agency module's demo records (see demo_agency.cpp), hooked from GenerateDemo.
#pragma once

#include <cstdint>
#include <vector>

#include "app/platform.h"

namespace concord::app {

// Agency accounts for the first `account_count` clients, led by `leads` and run by `coordinators`.
Status AddAgencyDemo(Platform& p, const std::vector<clients::Client>& clients, const std::vector<int64_t>& leads,
                     const std::vector<int64_t>& coordinators, int account_count, uint64_t seed);

}  // namespace concord::app
