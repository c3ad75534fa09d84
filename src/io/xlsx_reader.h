// Reads one worksheet of an .xlsx workbook (Office Open XML, ECMA-376 Part 1 SpreadsheetML) into the
// same records the CSV reader gives (io/csv.h), so an import takes either file. Each cell becomes its
// text: shared and inline strings (rich text runs joined, phonetic runs left out), numbers exactly as
// written in the file, booleans as TRUE/FALSE, error values as written (#N/A), numbers in date-formatted
// cells as ISO days (rules in io/xlsx_dates.h). Gaps in the cell references become empty fields, empty
// cells after a row's last filled one are dropped, and rows with no filled cell are skipped (like blank
// CSV lines). A record's `line` is the sheet's row number.
//
// Hostile files fail with an error instead of a crash: each part is read up to kXlsxMaxPartBytes
// uncompressed (zip bombs), document type declarations are refused (OPC, ECMA-376 Part 2 §8.1.4 forbids
// them; no entity expansion), and malformed XML names the part and line. Errors name the file, and
// within a sheet the cell: "vms.xlsx: Sheet1!C7: ...".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/csv.h"

namespace concord::io {

inline constexpr size_t kXlsxMaxPartBytes = size_t{64} << 20;

// `sheet` names the worksheet; empty means the first in the workbook's order.
Result<std::vector<CsvRecord>> ReadXlsx(std::string_view bytes, std::string_view file_name,
                                        std::string_view sheet = {});

// The A1-style name of a cell: column 0-based, row 1-based ("C7" for 2, 7).
std::string XlsxCellName(size_t column, int row);

// True when the bytes start with a zip local file header ("PK\3\4"), as every .xlsx does.
bool LooksLikeZip(std::string_view bytes);

// The worksheet as CSV text for programs (CsvFieldRaw, CRLF): each row padded with empty fields to the
// header's width (the first row read), and an empty line for each empty sheet row after the header, so
// that line N of the CSV is row N of the sheet when the header is in row 1.
Result<std::string> XlsxToCsv(std::string_view bytes, std::string_view file_name, std::string_view sheet = {});

}  // namespace concord::io
