// A table of text cells, the shape every list export takes: one header row, then data rows.
// Rendered as CSV (RFC 4180, CRLF, UTF-8 with BOM so Excel reads accents) or XLSX (libxlsxwriter:
// bold frozen header, autofilter, column widths that fit).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace concord::io {

struct Table {
  std::string title;                              // sheet name
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

std::string ToCsv(const Table& table);
// Plain RFC 4180 for programs: no byte-order mark, values exactly as they are (no formula defusing).
std::string ToPlainCsv(const Table& table);
Result<std::string> ToXlsx(const Table& table);

inline constexpr const char* kCsvType = "text/csv; charset=utf-8";
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace concord::io
