#include "server/forwarded.h"

#include <algorithm>

namespace concord::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

}  // namespace

Origin ResolveOrigin(std::string_view peer, std::optional<std::string_view> forwarded_for,
                     std::optional<std::string_view> forwarded_proto, const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
  };
  Origin origin{std::string(peer), false};
  if (!trusted(peer)) return origin;
  if (forwarded_proto) {
    origin.secure = EqualsIgnoreCase(Trim(forwarded_proto->substr(0, forwarded_proto->find(','))), "https");
  }
  if (forwarded_for) {
    std::string_view rest = *forwarded_for;
    while (!rest.empty()) {
      const size_t comma = rest.rfind(',');
      const std::string_view hop = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
      if (hop.empty()) continue;
      origin.address = std::string(hop);
      if (!trusted(hop)) break;
    }
  }
  return origin;
}

}  // namespace concord::http
