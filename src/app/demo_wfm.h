// Demo data for workforce management: queues, months of call history, forecasts and a schedule.
#pragma once

#include <cstdint>

#include "app/demo.h"

namespace concord::app {

Status AddWorkforceDemo(Platform& platform, const auth::Principal& manager, uint64_t seed, DemoSize size);

}  // namespace concord::app
