#include "io/xlsx_reader.h"

namespace concord::io {

Result<std::string> XlsxToCsv(std::string_view bytes, std::string_view file_name, std::string_view sheet) {
  const auto rows = TRY(ReadXlsx(bytes, file_name, sheet));
  std::string csv;
  const size_t width = rows.empty() ? 0 : rows.front().fields.size();
  int line = rows.empty() ? 0 : rows.front().line;
  for (const auto& row : rows) {
    for (; line < row.line - 1 && &row != &rows.front(); ++line) csv += "\r\n";
    line = row.line;
    for (size_t i = 0; i < std::max(width, row.fields.size()); ++i) {
      if (i) csv += ',';
      if (i < row.fields.size()) csv += CsvFieldRaw(row.fields[i]);
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace concord::io
