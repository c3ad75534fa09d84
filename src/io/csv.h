// CSV as RFC 4180 defines it, for imports and exports: quoted fields with embedded delimiters, quotes
// ("") and line breaks, CRLF or LF records, an optional UTF-8 byte-order mark. Errors name the file, the
// line and the column where the text stops being CSV. (The reconciliation engine has its own streaming
// reader tuned for millions of rows; this one reads a whole import file into records.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace concord::io {

struct CsvRecord {
  int line = 0;                     // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Parses every record. A trailing newline does not make an empty record; blank lines are skipped.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file_name, char delimiter = ',');

// One field, quoted when it must be. Text that a spreadsheet would run as a formula (=, +, -, @, tab,
// CR at the start, and not a plain number) is prefixed with ' (OWASP "CSV Injection").
std::string CsvField(std::string_view value, char delimiter = ',');
// The same, quoting only: for files read by programs (reconciliation inputs), which must see the value.
std::string CsvFieldRaw(std::string_view value, char delimiter = ',');

}  // namespace concord::io
