#include "service/case.h"

#include <gtest/gtest.h>

namespace concord::service {
namespace {

// The tag our replies carry ("[#12]" at the end of the subject); the last tag wins when a reply quotes
// another case's subject.
TEST(CaseNumberInSubject, ReadsTheLastTag) {
  EXPECT_EQ(CaseNumberInSubject("Re: Pay stub missing \u2013 week 09 [#12]"), 12);
  EXPECT_EQ(CaseNumberInSubject("Re: [#3] about [#45]"), 45);
  EXPECT_EQ(CaseNumberInSubject("Re: [#] nothing"), std::nullopt);
  EXPECT_EQ(CaseNumberInSubject("Re: [#12a]"), std::nullopt);
  EXPECT_EQ(CaseNumberInSubject("no tag"), std::nullopt);
}

}  // namespace
}  // namespace concord::service
