// Pure rules for dates in .xlsx cells (ECMA-376 Part 1). A date is a number whose cell style carries a
// date number format; the number counts days in the workbook's date system.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace concord::io {

struct XlsxNumberFormat {
  bool date = false;  // the format shows a calendar day
  bool time = false;  // ... and a time of day
};

// Rule "built-in ids and y/d tokens": built-in numFmtId 14-17 are dates and 22 a date with a time
// (§18.8.30); any other format is a date when its first section holds a y or d outside "quoted text",
// [brackets], \-escapes and _/* padding, and has a time when it also holds h or s. Formats with only
// h/m/s (durations, times of day) are not dates: their numbers are kept as written.
XlsxNumberFormat ClassifyNumberFormat(int num_fmt_id, std::string_view format_code);

// The ISO day ("YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" when `with_time` and the serial has a fraction)
// of a serial day number as written in a cell. 1900 system (§18.17.4.1): 1 is 1900-01-01 and serial
// 60 is the non-existent 1900-02-29 that Lotus 1-2-3 invented, so days after it count from 1899-12-30.
// 1904 system (workbookPr date1904): 0 is 1904-01-01. Errors (without a place; the caller adds the
// cell) for text that is not a number, serials before the system's first day, 60 in 1900, and days
// after 9999-12-31.
Result<std::string> SerialToIso(std::string_view serial, bool date1904, bool with_time);

}  // namespace concord::io
