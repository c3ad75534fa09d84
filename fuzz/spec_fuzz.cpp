// libFuzzer target for the spec parser: any text is either a Spec or an error naming a key; never a
// crash, a leak or an escaped exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "recon/recon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  auto spec = concord::recon::ParseSpec(text, "fuzz.toml");
  if (!spec.ok() && spec.error().message.empty()) __builtin_trap();
  return 0;
}
