#include "core/ids.h"

#include <gtest/gtest.h>

#include <map>
#include <type_traits>
#include <unordered_set>

namespace concord {
namespace {

struct ClientTag;
struct WorkerTag;
using ClientId = Id<ClientTag>;
using WorkerId = Id<WorkerTag>;

TEST(Id, DistinctTypesPerTag) {
  static_assert(!std::is_convertible_v<ClientId, WorkerId>);
  static_assert(!std::is_convertible_v<int64_t, ClientId>);  // explicit construction only
  static_assert(sizeof(ClientId) == sizeof(int64_t));
  EXPECT_FALSE(ClientId().valid());
  EXPECT_TRUE(ClientId(1).valid());
}

TEST(Id, CompareHashFormat) {
  EXPECT_EQ(ClientId(7), ClientId(7));
  EXPECT_LT(ClientId(7), ClientId(8));
  std::unordered_set<ClientId> set = {ClientId(1), ClientId(2), ClientId(1)};
  EXPECT_EQ(set.size(), 2u);
  std::map<WorkerId, int> ordered = {{WorkerId(3), 0}, {WorkerId(1), 0}};
  EXPECT_EQ(ordered.begin()->first, WorkerId(1));
  EXPECT_EQ(fmt::format("client {}", ClientId(42)), "client 42");
  EXPECT_EQ(ClientId(42).ToString(), "42");
}

TEST(Id, ParseFromPath) {
  EXPECT_EQ(ClientId::Parse("42").value(), ClientId(42));
  EXPECT_EQ(ClientId::Parse("999999999999999999").value(), ClientId(999999999999999999));
  for (std::string_view bad : {"", "0", "-1", "4x", " 4", "1e3", "9999999999999999999"}) {
    Result<ClientId> id = ClientId::Parse(bad, "client_id");
    ASSERT_FALSE(id.ok()) << bad;
    EXPECT_EQ(id.error().code, "id.invalid");
    ASSERT_EQ(id.error().fields.size(), 1u);
    EXPECT_EQ(id.error().fields[0].field, "client_id");
  }
}

}  // namespace
}  // namespace concord
