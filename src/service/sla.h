// The service module's SLA rules, public face: policies (sla_policy.h), business time minus pauses
// (sla_timeline.h) and a case's SLA clocks from its history (sla_clock.h). Pure: no I/O, no clock.
#pragma once

#include "service/sla_clock.h"
#include "service/sla_policy.h"
#include "service/sla_timeline.h"
