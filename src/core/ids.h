// Typed ids: an Id<ClientTag> cannot be passed where an Id<WorkerTag> is expected, though both are a
// 64-bit database key underneath. Modules declare their own aliases:
//
//   struct ClientTag;                 // never defined; only names the kind
//   using ClientId = concord::Id<ClientTag>;
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace concord {

template <class Tag>
struct Id {
  int64_t value = 0;  // 0 = not yet assigned (database keys start at 1)

  constexpr Id() = default;
  constexpr explicit Id(int64_t v) : value(v) {}

  // True once the store has assigned the id.
  constexpr bool valid() const { return value > 0; }
  std::string ToString() const { return std::to_string(value); }

  // A positive decimal integer, as found in a URL path ("/clients/42"). Error code "id.invalid"; with
  // `field` set it is named in the error's field list.
  static Result<Id> Parse(std::string_view text, std::string_view field = "id") {
    int64_t v = 0;
    bool ok = !text.empty() && text.size() <= 18;  // 18 digits always fit in int64_t
    for (size_t i = 0; ok && i < text.size(); ++i) {
      ok = text[i] >= '0' && text[i] <= '9';
      v = v * 10 + (text[i] - '0');
    }
    if (!ok || v == 0) {
      const std::string message = "not an id: \"" + std::string(text) + "\"";
      return Error::Invalid("id.invalid", message, {{std::string(field), "id.invalid", message}});
    }
    return Id(v);
  }

  friend constexpr bool operator==(const Id&, const Id&) = default;
  friend constexpr std::strong_ordering operator<=>(const Id&, const Id&) = default;
};

}  // namespace concord

template <class Tag>
struct std::hash<concord::Id<Tag>> {
  size_t operator()(const concord::Id<Tag>& id) const noexcept { return std::hash<int64_t>()(id.value); }
};

template <class Tag>
struct fmt::formatter<concord::Id<Tag>> : fmt::formatter<int64_t> {
  template <class Context>
  auto format(const concord::Id<Tag>& id, Context& ctx) const {
    return fmt::formatter<int64_t>::format(id.value, ctx);
  }
};
