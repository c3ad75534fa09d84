// Call-detail records (CDR) read from a CSV export of a phone system, for the interval history.
//
// Columns (header row required, names case-insensitive, any order; other columns are ignored, as
// phone-system exports carry many):
//   call_id     required  the phone system's id of the call; unique per queue (re-imports match on it)
//   queue       required  queue key: lower-case letters, digits, '-' or '_', at most 40 characters
//   arrived_at  required  when the call entered the queue, RFC 3339 with an offset ("2026-03-02T09:05:00-05:00")
//   outcome     required  answered or abandoned
//   handle_s    required  talk + hold + after-call work in whole seconds (0 for abandoned calls)
//   wait_s      optional  seconds in the queue before answer or abandonment (default 0)
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace concord::wfm {

struct CallDetail {
  int line = 0;  // CSV line of the record, for messages
  std::string call_id;
  std::string queue;
  Instant arrived;
  bool answered = true;
  int64_t handle_s = 0;
  int64_t wait_s = 0;
};

// The columns of a CSV header row, by lower-case name → position. Names outside `known` are ignored;
// a known name twice, or a `required` one missing, is an "import.invalid" error naming line 1.
using CsvColumns = std::map<std::string, size_t>;
Result<CsvColumns> ReadCsvHeader(const std::vector<std::string>& header, const std::string& file_name,
                                 const std::vector<std::string>& known, const std::vector<std::string>& required);
// "<file>, line L, column C (name)" for a cell of a known column.
std::string CellPlace(const std::string& file_name, int line, const CsvColumns& columns, const std::string& name);

// Whether a queue key is well formed (lower-case letters, digits, '-' or '_', 1..40 characters).
bool ValidQueueKey(std::string_view key);

// Parses and checks the whole file. On any problem returns "import.invalid" with one FieldError per
// problem, each naming "<file>, line L, column C (name)"; nothing is partially accepted.
Result<std::vector<CallDetail>> ParseCallDetail(std::string_view csv, std::string_view file_name);

}  // namespace concord::wfm
