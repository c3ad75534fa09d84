// RFC 4180 cases (section 2, rules 1-7) and the bulk scanner's agreement with the scalar parser.
#include "recon/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace concord::recon {
namespace {

struct Parsed {
  RecordParse r;
  std::vector<std::string> fields;
};

Parsed Parse(std::string_view text, size_t pos = 0, char delim = ',') {
  std::vector<std::string_view> f;
  std::string scratch;
  Parsed p{ParseRecord(text, pos, delim, &f, &scratch), {}};
  for (auto v : f) p.fields.emplace_back(v);
  return p;
}

using Fields = std::vector<std::string>;

TEST(ParseRecord, PlainFieldsEndAtLineBreak) {  // RFC 4180 rule 1, 4
  Parsed p = Parse("aaa,bbb,ccc\nzzz,yyy,xxx\n");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"aaa", "bbb", "ccc"}));
  EXPECT_EQ(p.r.next, 12u);
  EXPECT_EQ(p.r.record_end, 11u);
  EXPECT_EQ(p.r.newlines, 1u);
}

TEST(ParseRecord, CrLfLineBreak) {  // rule 1: CRLF
  Parsed p = Parse("a,b\r\nc,d\r\n");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"a", "b"}));
  EXPECT_EQ(p.r.next, 5u);
  EXPECT_EQ(p.r.record_end, 3u);
}

TEST(ParseRecord, LastRecordWithoutLineBreak) {  // rule 2
  Parsed p = Parse("zzz,yyy,xxx");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"zzz", "yyy", "xxx"}));
  EXPECT_EQ(p.r.next, 11u);
}

TEST(ParseRecord, EmptyFieldsAndTrailingDelimiter) {
  Parsed p = Parse(",a,,\n");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"", "a", "", ""}));
}

TEST(ParseRecord, QuotedFieldsMayHoldCommasAndLineBreaks) {  // rule 6
  Parsed p = Parse("\"aaa\",\"b\r\nbb\",\"c,cc\"\r\nnext");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"aaa", "b\r\nbb", "c,cc"}));
  EXPECT_EQ(p.r.newlines, 2u);  // one inside the quotes, one ending the record
  EXPECT_EQ(p.r.next, 22u);
}

TEST(ParseRecord, DoubledQuotesAreOneQuote) {  // rule 7
  Parsed p = Parse("\"aaa\",\"b\"\"bb\",\"\"\"\"\n");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"aaa", "b\"bb", "\""}));
}

TEST(ParseRecord, EmptyQuotedField) {
  Parsed p = Parse("\"\",x");
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"", "x"}));
}

TEST(ParseRecord, ChosenDelimiter) {
  Parsed p = Parse("a;\"b;c\";d\n", 0, ';');
  ASSERT_TRUE(p.r.ok);
  EXPECT_EQ(p.fields, (Fields{"a", "b;c", "d"}));
}

TEST(ParseRecord, QuoteInsideUnquotedFieldIsAnError) {  // rule 5: such fields must be quoted
  Parsed p = Parse("1,ab\"c,3\n2,x,y\n");
  EXPECT_FALSE(p.r.ok);
  EXPECT_EQ(p.r.error_pos, 4u);
  EXPECT_STREQ(p.r.message, "quote inside an unquoted field");
  EXPECT_EQ(p.r.next, 9u);  // recovery starts at the next line
}

TEST(ParseRecord, TextAfterClosingQuoteIsAnError) {
  Parsed p = Parse("\"ab\"c,d\n");
  EXPECT_FALSE(p.r.ok);
  EXPECT_EQ(p.r.error_pos, 4u);
}

TEST(ParseRecord, UnterminatedQuoteIsAnErrorAtTheOpeningQuote) {
  Parsed p = Parse("a,\"bc\nd,e\n");
  EXPECT_FALSE(p.r.ok);
  EXPECT_EQ(p.r.error_pos, 2u);
  EXPECT_STREQ(p.r.message, "unterminated quoted field");
  EXPECT_EQ(p.r.next, 6u);
}

// Collects what the bulk scanner reports.
class Collect : public ChunkVisitor {
 public:
  void Row(const ChunkRow& row, const std::vector<std::string_view>& fields) override {
    // append() rather than operator+ chains: GCC 12 reports a false -Wrestrict on the latter.
    std::string s = std::to_string(row.line);
    s.append(":");
    for (size_t i = 0; i < fields.size(); ++i) s.append(i ? "|" : "").append(fields[i]);
    rows.push_back(s);
  }
  void Failure(uint32_t line, uint64_t column, const char* message, size_t, size_t) override {
    std::string s = "E";
    s.append(std::to_string(line)).append(":").append(std::to_string(column)).append(":").append(message);
    rows.push_back(s);
  }
  std::vector<std::string> rows;
};

std::vector<std::string> Scan(std::string_view text, size_t fields, size_t begin = 0, size_t limit = SIZE_MAX,
                              bool in_quotes = false, bool skip = false) {
  Collect c;
  ChunkScan s{begin, limit == SIZE_MAX ? text.size() + 1 : limit, in_quotes, skip, fields,
              std::vector<bool>(fields, true), ','};
  IndexChunk(text, s, c);
  return c.rows;
}

TEST(IndexChunk, FindsRecordsAcrossBlocks) {
  std::string text;
  std::vector<std::string> want;
  for (int i = 0; i < 40; ++i) {
    text += "key" + std::to_string(i) + ",value number " + std::to_string(i) + "\n";
    want.push_back(std::to_string(i) + ":key" + std::to_string(i) + "|value number " + std::to_string(i));
  }
  EXPECT_EQ(Scan(text, 2), want);
}

TEST(IndexChunk, QuotedRowsBlankLinesCrLfAndLastLine) {
  std::string text = "a,\"x\ny\"\r\n\nb,\"q\"\"r\"\r\nc,last";
  EXPECT_EQ(Scan(text, 2), (std::vector<std::string>{"0:a|x\ny", "3:b|q\"r", "4:c|last"}));
}

TEST(IndexChunk, WrongFieldCountsAreFailuresWithColumns) {
  // Line 0 has a third field starting at column 5; line 1 ends at column 2 with one field.
  std::string text = "a,b,c\nd\ne,f\n";
  EXPECT_EQ(Scan(text, 2), (std::vector<std::string>{"E0:5:more fields than the header",
                                                     "E1:2:fewer fields than the header", "2:e|f"}));
}

TEST(IndexChunk, RecoversAfterAQuoteError) {
  std::string text = "1,ab\"c\n2,x\n3,\"y\"\n";
  EXPECT_EQ(Scan(text, 2), (std::vector<std::string>{"E0:5:quote inside an unquoted field", "1:2|x", "2:3|y"}));
}

TEST(IndexChunk, UnterminatedQuoteAtEndOfInput) {
  std::string text = "1,a\n2,\"open\n3,b\n";
  EXPECT_EQ(Scan(text, 2), (std::vector<std::string>{"0:1|a", "E1:3:unterminated quoted field", "2:3|b"}));
}

// Any split point, with the quote state taken from the parity of the quotes before it, must give the
// same records as one pass: this is what lets several threads read one file.
TEST(IndexChunk, SplitAnywhereGivesTheSameRecords) {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += std::to_string(i) + ",\"multi\nline, \"\"quoted\"\" " + std::to_string(i) + "\",plain" +
            std::string(static_cast<size_t>(i % 7), 'x') + (i % 3 ? "\r\n" : "\n");
  }
  const std::vector<std::string> whole = Scan(text, 3);
  ASSERT_EQ(whole.size(), 30u);
  for (size_t b = 1; b < text.size(); ++b) {
    size_t quotes = CountQuotes(text.data(), b - 1);
    Collect c;
    ChunkScan first{0, b, false, false, 3, std::vector<bool>(3, true), ','};
    ChunkOutcome o1 = IndexChunk(text, first, c);
    ChunkScan second{b - 1, text.size() + 1, (quotes & 1) != 0, true, 3, std::vector<bool>(3, true), ','};
    Collect c2;
    IndexChunk(text, second, c2);
    // Lines in the second chunk count from its start; rebase them for the comparison.
    size_t base = static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(b - 1), '\n'));
    for (std::string& r : c2.rows) {
      size_t colon = r.find(':');
      r = std::to_string(std::stoul(r.substr(0, colon)) + base) + r.substr(colon);
    }
    c.rows.insert(c.rows.end(), c2.rows.begin(), c2.rows.end());
    ASSERT_EQ(c.rows, whole) << "split at " << b;
    EXPECT_FALSE(o1.quote_trouble);
  }
}

}  // namespace
}  // namespace concord::recon
