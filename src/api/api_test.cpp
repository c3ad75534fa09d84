#include "api/api.h"

#include <gtest/gtest.h>

namespace concord::api {
namespace {

http::Request With(std::multimap<std::string, std::string> query, http::Headers headers = {}) {
  http::Request r;
  r.query = std::move(query);
  r.headers = std::move(headers);
  return r;
}

// RFC 9110 §8.8.3: an entity tag is a quoted string, optionally prefixed by W/.
TEST(Api, IfMatchReadsOurETags) {
  EXPECT_EQ(ETag(7), "\"7\"");
  EXPECT_EQ(IfMatchVersion(With({}, {{"If-Match", "\"7\""}})).value(), 7);
  EXPECT_EQ(IfMatchVersion(With({}, {{"if-match", "W/\"12\""}})).value(), 12);
  EXPECT_EQ(HttpStatus(IfMatchVersion(With({})).error().kind), 428);
  EXPECT_EQ(HttpStatus(IfMatchVersion(With({}, {{"If-Match", "7"}})).error().kind), 400);
  EXPECT_EQ(HttpStatus(IfMatchVersion(With({}, {{"If-Match", "\"x\""}})).error().kind), 400);
}

TEST(Api, CursorsRoundTripAndForgeriesAreRefused) {
  const std::string cursor = MakeCursor("acme, inc.", 42);
  auto page = ParsePage(With({{"cursor", cursor}, {"limit", "10"}})).value();
  EXPECT_EQ(page.limit, 10);
  EXPECT_EQ(page.after_key, "acme, inc.");
  EXPECT_EQ(page.after_id, 42);
  EXPECT_FALSE(ParsePage(With({{"cursor", "!!"}})).ok());
  EXPECT_FALSE(ParsePage(With({{"limit", "0"}})).ok());
  EXPECT_FALSE(ParsePage(With({{"limit", "501"}})).ok());
  EXPECT_FALSE(ParsePage(With({{"limit", "5x"}})).ok());
}

TEST(Api, SortAllowsOnlyListedColumns) {
  auto sort = ParseSort(With({{"sort", "-updated_at"}}), {"legal_name", "updated_at"}, {"legal_name", false}).value();
  EXPECT_EQ(sort.column, "updated_at");
  EXPECT_TRUE(sort.descending);
  EXPECT_EQ(ParseSort(With({}), {"legal_name"}, {"legal_name", false}).value().column, "legal_name");
  EXPECT_FALSE(ParseSort(With({{"sort", "tax_id_sealed"}}), {"legal_name"}, {"legal_name", false}).ok());
}

TEST(Api, BodiesMustBeJsonObjects) {
  http::Request r;
  r.body = "{\"a\": 1";
  EXPECT_EQ(JsonBody(r).error().code, "request.bad_json");
  r.body = "[1]";
  EXPECT_FALSE(JsonBody(r).ok());
  r.body = "{\"name\": 5, \"ok\": \"yes\"}";
  auto body = JsonBody(r).value();
  Fields f(body);
  EXPECT_FALSE(f.String("name").has_value());
  EXPECT_FALSE(f.Bool("ok").has_value());
  EXPECT_EQ(f.errors().size(), 2u);
  EXPECT_EQ(HttpStatus(f.Finish("It").error().kind), 422);
}

}  // namespace
}  // namespace concord::api
