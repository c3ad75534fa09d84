// The weekly VMS audit (issue 4; seed: "Ensures 100% accuracy between VMS and IES systems"): what a
// programme's VMS export is compared with, and how aligned the two are.
//
// Pure. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace concord::workforce {

// The reconciliation spec (TOML) of a programme's audit: the VMS export (left, its own column names for
// the programme's VMS) against the "assignments" source (right), keyed on the work-order id, comparing
// the worker's email, start and end dates, pay and bill rates, status and manager.
std::string VmsAuditSpecToml(const std::string& vms);

// An assignment's status as a VMS shows it: active/ending → "active"; ended/offboarded → "closed";
// cancelled → "withdrawn"; requested/onboarding/ready → "pending" (Fieldglass statuses, reference notes
// §3.1, plus the pending state of a work order not yet started).
std::string VmsStatus(const std::string& status);

// Whether a status as a VMS export writes it says the work order is over: Closed, Completed, Ended,
// Terminated, Inactive (Fieldglass, Beeline, VNDLY; any case, outer blanks ignored).
bool VmsStatusIsEnded(const std::string& vms_status);

// Alignment of one run, in percent with one decimal (half up): work orders that agree on every compared
// field, out of every work order either side has (matched + mismatched + only in the VMS + only in concord
// + keys duplicated). nullopt when the run compared nothing.
std::optional<std::string> AlignmentPercent(const nlohmann::json& summary);

}  // namespace concord::workforce
