// VMS export files → PSR fields (issue 4 "PSRs … imported from a VMS export file through a per-VMS field
// mapping"). Each VMS names its columns its own way (reference notes §3: Fieldglass "Work Order ID",
// Beeline "Assignment ID", VNDLY "Work Order ID"); a programme may override the mapping. Values are
// normalised on the way in: US dates (MM/DD/YYYY) and ISO dates, money with "$" and thousands commas,
// worker types as the VMS writes them ("W2", "1099", "Foreign IC").
//
// Pure: no I/O. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "io/csv.h"

namespace concord::workforce {

// Column header (case-insensitive, trimmed) → PSR field, for a VMS kind ("fieldglass", "beeline",
// "vndly", "other"), with the programme's overrides ({"Header": "field"}) applied on top.
std::map<std::string, std::string> VmsFieldMapping(const std::string& vms, const nlohmann::json& overrides);

// The column header a VMS export uses for a PSR field ("Work Order ID"); the field name itself for "other".
std::string VmsHeader(const std::string& vms, const std::string& field);

// A header as mappings key it: lower case, outer blanks trimmed. A cell with outer blanks trimmed.
std::string VmsHeaderKey(std::string text);
std::string TrimVmsCell(const std::string& text);

// "03/04/2024", "3/4/2024" or "2024-03-04" → "2024-03-04"; nullopt when none of these.
std::optional<std::string> NormaliseVmsDate(const std::string& text);
// "$1,050.00" → "1050.00"; nullopt when not an amount.
std::optional<std::string> NormaliseVmsMoney(const std::string& text);
// "W2", "W-2", "Employee" → w2_employee; "1099", "IC" → contractor_1099; "Foreign IC", "W-8BEN" →
// foreign_contractor.
std::optional<std::string> NormaliseWorkerType(const std::string& text);

struct VmsRow {
  int line = 0;
  nlohmann::json psr;  // PSR fields, normalised
};

// Parses a whole export, CSV or .xlsx (zip signature or name; its first sheet, io/xlsx_reader.h). Every
// problem is collected, named by file, line and column ("vms.csv, line 4, column 7 (Start Date)"; in a
// workbook "vms.xlsx, row 4, cell G4 (Start Date)"), and the whole file is refused when there is any:
// kInvalid "psr_import.invalid".
// Unknown columns are ignored (exports carry many); the work-order id column is required, and a work
// order twice in one file is an error.
Result<std::vector<VmsRow>> ParseVmsExport(const std::string& csv, const std::string& file_name,
                                           const std::map<std::string, std::string>& mapping);

}  // namespace concord::workforce
