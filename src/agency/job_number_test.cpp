// Job and invoice numbers from configurable patterns. Expected numbers are written out by hand from the
// pattern's definition in job_number.h.
#include "agency/job_number.h"

#include <gtest/gtest.h>

#include "agency/test_util.h"

namespace concord::agency {
namespace {

using testing_util::D;

struct NumberCase {
  const char* pattern;
  const char* client;
  const char* date;
  int64_t last_seq;
  const char* expected;
};

TEST(JobNumber, FormatsFromPattern) {
  const NumberCase cases[] = {
      {"{client}-{YY}{seq:4}", "ACME", "2026-03-05", 41, "ACME-260042"},
      {"{client}-{YY}{seq:4}", "ACME", "2026-03-05", 0, "ACME-260001"},     // first job of the year
      {"{client}-{YY}{seq:4}", "ACME", "2026-12-31", 9998, "ACME-269999"},  // the last that fits
      {"{client}/{YYYY}/{MM}/{seq:3}", "BW", "2027-11-30", 7, "BW/2027/11/008"},
      {"{YYYY}{client}{seq:1}", "ZZ", "2000-01-01", 8, "2000ZZ9"},
      {"{client}{YY}{seq:2}", "A1", "2009-06-15", 98, "A10999"},                    // {YY} keeps its leading zero
      {"J{{{client}}}-{YY}-{seq:2}", "ACME", "2026-01-02", 4, "J{ACME}-26-05"},     // escaped braces
      {"{client}-{MM}{YY}-{seq:5}", "acme", "2026-02-01", 123, "acme-0226-00124"},  // code kept as given
  };
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.pattern);
    auto number = NextJobNumber(c.pattern, c.client, D(c.date), c.last_seq);
    ASSERT_TRUE(number.ok()) << number.error().message;
    EXPECT_EQ(number.value(), c.expected);
  }
}

TEST(JobNumber, InvoicePatternNeedsNoClient) {
  auto pattern = ParseNumberPattern("INV-{YYYY}-{seq:4}", PatternRequirements::ForInvoices());
  ASSERT_TRUE(pattern.ok());
  EXPECT_EQ(NextNumber(pattern.value(), "", D("2026-01-15"), 0).value(), "INV-2026-0001");
  EXPECT_EQ(NextNumber(pattern.value(), "", D("2026-12-31"), 41).value(), "INV-2026-0042");
  EXPECT_EQ(pattern->SequenceWidth(), 4);
  EXPECT_TRUE(pattern->Uses(NumberToken::kYear4));
  EXPECT_FALSE(pattern->Uses(NumberToken::kClient));
}

struct PatternErrorCase {
  const char* pattern;
  const char* code;
};

TEST(JobNumber, RefusesBadPatterns) {
  const PatternErrorCase cases[] = {
      {"{client}-{yy}{seq:4}", "number.unknown_token"},  // tokens are case-sensitive
      {"{client}-{YY}{seq:4}{foo}", "number.unknown_token"},
      {"{client}-{YY", "number.unbalanced_brace"},
      {"{client}-}{YY}{seq:4}", "number.unbalanced_brace"},
      {"{client}-{YY}{seq}", "number.invalid_sequence_width"},
      {"{client}-{YY}{seq:0}", "number.invalid_sequence_width"},
      {"{client}-{YY}{seq:10}", "number.invalid_sequence_width"},
      {"{client}-{YY}{seq:x}", "number.invalid_sequence_width"},
      {"{client}-{YY}", "number.sequence_required"},
      {"{client}{YY}{seq:2}{seq:2}", "number.sequence_required"},
      {"{YY}{seq:4}", "number.pattern_not_unique"},       // no client: per-client sequences would collide
      {"{client}-{seq:4}", "number.pattern_not_unique"},  // no year: yearly sequences would collide
      {"{client}-{MM}{seq:4}", "number.pattern_not_unique"},
  };
  for (const PatternErrorCase& c : cases) {
    SCOPED_TRACE(c.pattern);
    auto parsed = ParseNumberPattern(c.pattern, PatternRequirements::ForJobs());
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, c.code);
    ASSERT_FALSE(parsed.error().fields.empty());
    EXPECT_EQ(parsed.error().fields[0].field, "pattern");
  }
}

TEST(JobNumber, UnknownTokensAreAllNamed) {
  auto parsed = ParseNumberPattern("{client}-{YY}{seq:4}{foo}{Bar}", PatternRequirements::ForJobs());
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("{foo}"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("{Bar}"), std::string::npos);
  ASSERT_EQ(parsed.error().fields.size(), 2u);
  EXPECT_EQ(parsed.error().fields[0].message, "unknown token {foo}");
  EXPECT_EQ(parsed.error().fields[1].message, "unknown token {Bar}");
}

struct NextErrorCase {
  const char* client;
  int64_t last_seq;
  const char* code;
  const char* field;
};

TEST(JobNumber, RefusesBadInputs) {
  const NextErrorCase cases[] = {
      {"ACME", 9999, "number.sequence_exhausted", "last_seq"},  // 10000 needs 5 digits
      {"ACME", -1, "number.invalid_sequence", "last_seq"},
      {"", 0, "number.invalid_client_code", "client_code"},
      {"AC ME", 0, "number.invalid_client_code", "client_code"},
      {"ACME-1", 0, "number.invalid_client_code", "client_code"},             // separators belong in the pattern
      {"ABCDEFGHIJKLMNOPQ", 0, "number.invalid_client_code", "client_code"},  // 17 characters
  };
  for (const NextErrorCase& c : cases) {
    SCOPED_TRACE(c.client);
    auto number = NextJobNumber("{client}-{YY}{seq:4}", c.client, D("2026-05-01"), c.last_seq);
    ASSERT_FALSE(number.ok());
    EXPECT_EQ(number.error().code, c.code);
    EXPECT_EQ(number.error().fields.at(0).field, c.field);
  }
  // 16 characters is the longest accepted code.
  EXPECT_EQ(NextJobNumber("{client}{YY}{seq:1}", "ABCDEFGHIJKLMNOP", D("2026-05-01"), 0).value(),
            "ABCDEFGHIJKLMNOP261");
}

}  // namespace
}  // namespace concord::agency
