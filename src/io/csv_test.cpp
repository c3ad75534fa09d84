#include "io/csv.h"

#include <gtest/gtest.h>

#include "io/table.h"

namespace concord::io {
namespace {

std::vector<std::vector<std::string>> Fields(std::string_view text) {
  auto records = ParseCsv(text, "t.csv");
  EXPECT_TRUE(records.ok()) << records.error().message;
  std::vector<std::vector<std::string>> out;
  for (auto& r : *records) out.push_back(r.fields);
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

// The examples of RFC 4180 section 2.
TEST(Csv, Rfc4180Section2Examples) {
  EXPECT_EQ(Fields("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"), (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
  EXPECT_EQ(Fields("aaa,bbb,ccc\r\nzzz,yyy,xxx"), (Rows{{"aaa", "bbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
  EXPECT_EQ(Fields("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx"),
            (Rows{{"aaa", "b\r\nbb", "ccc"}, {"zzz", "yyy", "xxx"}}));
  EXPECT_EQ(Fields("\"aaa\",\"b\"\"bb\",\"ccc\""), (Rows{{"aaa", "b\"bb", "ccc"}}));
}

TEST(Csv, BomLfEmptyFieldsAndBlankLines) {
  EXPECT_EQ(Fields("\xEF\xBB\xBFname,dba\n\nAcme,\n,x\n"), (Rows{{"name", "dba"}, {"Acme", ""}, {"", "x"}}));
}

TEST(Csv, RecordsKnowTheirStartingLine) {
  auto records = ParseCsv("a,b\n\"multi\nline\",c\nlast,row\n", "t.csv").value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 4);
}

TEST(Csv, ErrorsNameFileLineAndColumn) {
  auto stray = ParseCsv("a,b\nab\"c,d\n", "clients.csv");
  ASSERT_FALSE(stray.ok());
  EXPECT_NE(stray.error().message.find("clients.csv, line 2, column 3"), std::string::npos) << stray.error().message;
  auto open = ParseCsv("a,\"never closed\n", "x.csv");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message.find("not closed"), std::string::npos);
  auto after = ParseCsv("\"a\"b,c\n", "x.csv");
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message.find("line 1, column 4"), std::string::npos) << after.error().message;
}

TEST(Csv, OtherDelimiters) { EXPECT_EQ(Fields("a;b"), (Rows{{"a;b"}})); }

TEST(Csv, FieldsAreQuotedAndFormulasDefused) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("-12.50"), "-12.50");
}

TEST(Csv, ExportReadsBack) {
  Table table{"Clients", {"name", "notes"}, {{"Acme, Inc.", "line1\nline2"}, {"Zed", ""}}};
  std::string csv = ToCsv(table);
  EXPECT_EQ(Fields(csv), (Rows{{"name", "notes"}, {"Acme, Inc.", "line1\nline2"}, {"Zed", ""}}));
}

TEST(Csv, PlainCsvKeepsValuesForPrograms) {
  Table table{"T", {"name", "amount"}, {{"=cmd", "-1"}, {"a,b", "2"}}};
  EXPECT_EQ(ToPlainCsv(table), "name,amount\r\n=cmd,-1\r\n\"a,b\",2\r\n");
}

TEST(Xlsx, WritesAZipContainer) {
  auto bytes = ToXlsx(Table{"Clients", {"name"}, {{"Acme"}}});
  ASSERT_TRUE(bytes.ok());
  ASSERT_GT(bytes->size(), 100u);
  EXPECT_EQ(bytes->substr(0, 2), "PK");  // XLSX is an OPC zip package (ECMA-376 Part 2)
}

}  // namespace
}  // namespace concord::io
