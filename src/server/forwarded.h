// Who sent a request when a reverse proxy (TLS terminator, load balancer) sits in front of concord. The
// X-Forwarded-* headers are believed only from the proxies the operator names: from anyone else they
// could fake the client's address (and so dodge or aim the login throttle) or the scheme.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::http {

struct Origin {
  std::string address;  // the client's IP address
  bool secure = false;  // reached the proxy over TLS
};

// `peer` is the TCP peer. When it is a trusted proxy, the client is the rightmost X-Forwarded-For entry
// that is not itself a trusted proxy (entries to its left are client-supplied and unverifiable), and the
// scheme is X-Forwarded-Proto's first value.
Origin ResolveOrigin(std::string_view peer, std::optional<std::string_view> forwarded_for,
                     std::optional<std::string_view> forwarded_proto, const std::vector<std::string>& trusted_proxies);

}  // namespace concord::http
