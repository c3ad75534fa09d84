// libFuzzer target for the call-detail importer's reader: any bytes give either calls that keep every
// promise the importer relies on, or an error that names a place in the file; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wfm/call_detail.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto calls = concord::wfm::ParseCallDetail(text, "fuzz.csv");
  if (!calls.ok()) {
    for (const auto& f : calls.error().fields)
      if (!f.field.starts_with("fuzz.csv")) __builtin_trap();
    return 0;
  }
  for (const auto& c : *calls) {
    if (!concord::wfm::ValidQueueKey(c.queue) || c.call_id.empty() || c.handle_s < 0 || c.wait_s < 0) __builtin_trap();
  }
  return 0;
}
