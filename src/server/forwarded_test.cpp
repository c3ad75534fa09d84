// Expected values follow the X-Forwarded-For semantics documented by MDN and by nginx's realip module
// (real_ip_recursive on): each proxy appends the address it received the request from, so only entries
// added by trusted proxies can be believed, read from the right.
#include <gtest/gtest.h>

#include "server/forwarded.h"

namespace concord::http {
namespace {

const std::vector<std::string> kProxies{"10.0.0.2", "10.0.0.3"};

TEST(ResolveOrigin, UntrustedPeerIsTheClientWhateverItClaims) {
  const Origin o = ResolveOrigin("203.0.113.9", "198.51.100.1", "https", kProxies);
  EXPECT_EQ(o.address, "203.0.113.9");
  EXPECT_FALSE(o.secure);
  EXPECT_EQ(ResolveOrigin("203.0.113.9", std::nullopt, std::nullopt, {}).address, "203.0.113.9");
}

TEST(ResolveOrigin, TrustedProxyGivesTheClientAndScheme) {
  const Origin o = ResolveOrigin("10.0.0.2", "198.51.100.1", "https", kProxies);
  EXPECT_EQ(o.address, "198.51.100.1");
  EXPECT_TRUE(o.secure);
  EXPECT_FALSE(ResolveOrigin("10.0.0.2", "198.51.100.1", "http", kProxies).secure);
  EXPECT_TRUE(ResolveOrigin("10.0.0.2", std::nullopt, "HTTPS, http", kProxies).secure);
}

TEST(ResolveOrigin, SpoofedLeftEntriesAreIgnored) {
  // The client sent "X-Forwarded-For: 1.2.3.4"; proxy 10.0.0.3 appended the client's real address, then
  // proxy 10.0.0.2 appended 10.0.0.3.
  const Origin o = ResolveOrigin("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", std::nullopt, kProxies);
  EXPECT_EQ(o.address, "198.51.100.7");
}

TEST(ResolveOrigin, OnlyProxiesInTheChainGiveTheLeftmost) {
  EXPECT_EQ(ResolveOrigin("10.0.0.2", "10.0.0.3 ,10.0.0.2", std::nullopt, kProxies).address, "10.0.0.3");
  EXPECT_EQ(ResolveOrigin("10.0.0.2", " , ", std::nullopt, kProxies).address, "10.0.0.2");
}

}  // namespace
}  // namespace concord::http
