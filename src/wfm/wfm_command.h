// `concord wfm …`: workforce-management commands for scripting and checking.
//
//   concord wfm staffing --contacts N --interval-min M --aht-s S --target-sl P --target-s T
//                        [--shrinkage F] [--max-occupancy F] [--patience-s S]
//                        [--max-abandonment F] [--json]
// prints agents, positions, service level, ASA and occupancy for one interval (Erlang C, or Erlang A
// when --patience-s is given). Fractions may also be written as percentages: a value above 1 for
// --target-sl, --shrinkage, --max-occupancy or --max-abandonment is read as percent (80 → 0.80).
#pragma once

#include <ostream>

#include <CLI/CLI.hpp>

#include "wfm/staffing.h"

namespace concord::wfm {

// Registers the `wfm` subcommand (with `staffing`) on app. Errors exit with core's ExitCode().
void AddWfmCommand(CLI::App& app);

// The body of `wfm staffing`, separated for tests: validates and sizes the request, writes the
// result (text or one JSON object) to out or the error to err, and returns the process exit code.
int RunStaffingCommand(const StaffingRequest& request, bool json, std::ostream& out,
                       std::ostream& err);

}  // namespace concord::wfm
