// Demo data of the service desk (called from GenerateDemo): calendar, queues, SLA policies, macros and
// weeks of cases and calls with daily and weekly patterns.
#pragma once

#include <vector>

#include "app/demo.h"
#include "clients/client.h"

namespace concord::app {

struct DemoServiceStaff {
  std::vector<int64_t> agents;      // L1: the coordinators
  std::vector<int64_t> executives;  // L2: the account executives
};

Status AddServiceDemo(Platform& p, uint64_t seed, DemoSize size, const DemoServiceStaff& staff,
                      const std::vector<clients::Client>& clients);

}  // namespace concord::app
