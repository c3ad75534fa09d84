// libFuzzer target for the .xlsx reader (src/io/xlsx_reader.cpp): any bytes must read or fail with an
// error naming the file, never crash, leak or run away (zip bombs are capped).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto rows = concord::io::ReadXlsx(bytes, "fuzz.xlsx");
  if (!rows.ok() && !rows.error().message.starts_with("fuzz.xlsx")) __builtin_trap();
  return 0;
}
