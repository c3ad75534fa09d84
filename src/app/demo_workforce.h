// The Workforce part of `concord demo` (issue 4): programmes, hundreds of workers and assignments in every
// life-cycle state, timecards with gaps, PSRs from a VMS export, and a VMS export that disagrees with
// concord in a few places (the audit shows them). Dates sit around the day the demo is generated, so
// "this week" on the coordinator's home has work in it; everything else follows the seed.
#pragma once

#include <cstdint>
#include <vector>

#include "app/platform.h"

namespace concord::app {

// `scale` 1 gives 240 assignments; the large demo passes 6.
Status AddEorDemo(Platform& p, const auth::Principal& coordinator, const std::vector<int64_t>& client_ids,
                        uint64_t seed, int scale);

// demo_workforce_life.cpp: a contractor converted to an employee, among the `active` assignments.
Status AddWorkforceLifeDemo(workforce::WorkforceService& s, const auth::Principal& admin,
                            const std::vector<nlohmann::json>& active, Date today);

}  // namespace concord::app
