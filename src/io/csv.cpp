#include "io/csv.h"

#include <cctype>

namespace concord::io {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file_name, char delimiter) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  int line = 1;
  int column = 1;  // 1-based character column of the current position
  size_t i = 0;
  auto error = [&](const std::string& what) {
    const std::string where = std::string(file_name) + ", line " + std::to_string(line) + ", column " +
                              std::to_string(column);
    return Error::Invalid("csv.malformed", where + ": " + what, {{where, "csv.malformed", what}});
  };
  auto end_record = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{};
  };
  bool at_field_start = true;
  record.line = 1;
  while (i < text.size()) {
    const char c = text[i];
    if (at_field_start && c == '"') {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      ++i;
      ++column;
      for (;;) {
        if (i >= text.size()) return error("a quoted field is not closed");
        const char q = text[i];
        if (q == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            column += 2;
            continue;
          }
          ++i;
          ++column;
          break;
        }
        if (q == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
        field += q;
        ++i;
      }
      if (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
        return error("unexpected text after a closing quote");
      }
      at_field_start = false;
      continue;
    }
    if (c == delimiter) {
      record.fields.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
      ++column;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
      record.line = line;
      at_field_start = true;
      continue;
    }
    if (c == '"') return error("a quote inside an unquoted field (quote the whole field and double the quote)");
    field += c;
    at_field_start = false;
    ++i;
    ++column;
  }
  if (!field.empty() || !record.fields.empty()) end_record();
  return records;
}

static bool LooksNumeric(std::string_view v) {
  if (v.empty()) return false;
  size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
  bool digits = false;
  for (; i < v.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(v[i]))) digits = true;
    else if (v[i] != '.') return false;
  }
  return digits;
}

std::string CsvField(std::string_view value, char delimiter) {
  std::string text(value);
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r') &&
      !LooksNumeric(text)) {
    text.insert(text.begin(), '\'');
  }
  return CsvFieldRaw(text, delimiter);
}

std::string CsvFieldRaw(std::string_view value, char delimiter) {
  const std::string text(value);
  const bool quote = text.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos;
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace concord::io
