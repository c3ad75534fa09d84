// Timecard exports from a VMS → weekly timecards (issue 4 "Import timecards from a VMS export"). An
// export has one row per work order × day × rate category (reference notes §1: time sheets keyed on
// worker + week ending + rate category; Fieldglass's Approved Time Sheet download and Draft Rejected
// download). Each VMS names the columns its own way; a programme's `field_mapping` may override them
// like the PSR import's. The rows of a work order's week become one timecard's hours.
//
// Pure: no I/O. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace concord::workforce {

// Column header (lower case) → timecard import field (work_order, date, rate_category, hours, status)
// for a VMS kind, with the programme's overrides ({"Header": "field"}) for these fields applied on top.
std::map<std::string, std::string> TimecardFieldMapping(const std::string& vms, const nlohmann::json& overrides);

// "ST", "ST/Hr", "REG", "Regular" → regular; "OT", "OT/Hr", "Overtime" → overtime; "DT", "DT/Hr",
// "Double Time" → double_time.
std::optional<std::string> NormaliseRateCategory(const std::string& text);
// VMS sheet statuses (Saved, Submitted, Approved; reference notes §4) → draft, submitted, approved.
std::optional<std::string> NormaliseSheetStatus(const std::string& text);

struct ImportedWeek {
  std::string work_order;
  std::string week_start;  // the Monday
  nlohmann::json hours;    // {"regular": [7 amounts], "overtime": […], "double_time": […]}, as written
  std::string status = "submitted";
  int first_line = 0;      // where the week starts in the file, for errors found later
};

// Parses a whole export into weeks, in file order. Every problem is collected, named by file, line and
// column ("tc.csv, line 4, column 3 (Hours)"), and the whole file is refused when there is any: kInvalid
// "timecard_import.invalid". The work order, date and hours columns are required; a work order's day and
// rate category twice in one file is an error; rows of one week must agree on the status.
Result<std::vector<ImportedWeek>> ParseTimecardExport(const std::string& csv, const std::string& file_name,
                                                      const std::map<std::string, std::string>& mapping);

}  // namespace concord::workforce
