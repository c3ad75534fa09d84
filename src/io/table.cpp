#include "io/table.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv.h"

namespace concord::io {

static std::string Render(const Table& table, std::string out, std::string (*field)(std::string_view, char)) {
  auto row_out = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += field(row[i], ',');
    }
    out += "\r\n";
  };
  row_out(table.columns);
  for (const auto& row : table.rows) row_out(row);
  return out;
}

std::string ToCsv(const Table& table) { return Render(table, "\xEF\xBB\xBF", CsvField); }

std::string ToPlainCsv(const Table& table) { return Render(table, "", CsvFieldRaw); }

Result<std::string> ToXlsx(const Table& table) {
  // libxlsxwriter 1.1.4 (Debian 12) writes only to files: write a private temp file and read it back.
  char path_template[] = "/tmp/concord-xlsx-XXXXXX";
  const int fd = mkstemp(path_template);
  if (fd < 0) return Error::Internal("xlsx.temp", "Cannot create a temporary file for the XLSX export.");
  close(fd);
  const std::string path = path_template;
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) return Error::Internal("xlsx.create", "Cannot create the XLSX workbook.");
  std::string sheet_name = table.title.empty() ? "Sheet1" : table.title.substr(0, 31);
  for (char& c : sheet_name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  std::vector<size_t> widths(table.columns.size(), 8);
  for (size_t c = 0; c < table.columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].c_str(), bold);
    widths[c] = std::max(widths[c], table.columns[c].size());
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      if (row[c].empty()) continue;
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c].c_str(), nullptr);
      widths[c] = std::max(widths[c], std::min<size_t>(row[c].size(), 60));
    }
  }
  for (size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(widths[c]) + 2, nullptr);
  }
  if (!table.columns.empty()) {
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                         static_cast<lxw_col_t>(table.columns.size() - 1));
  }
  const lxw_error rc = workbook_close(workbook);
  if (rc != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    return Error::Internal("xlsx.write", std::string("Cannot write the XLSX workbook: ") + lxw_strerror(rc));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

}  // namespace concord::io
