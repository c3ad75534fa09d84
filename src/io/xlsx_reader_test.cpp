// The .xlsx reader against workbooks from three producers: libxlsxwriter (written here), openpyxl and
// hand-written SpreadsheetML (tests/fixtures/xlsx, made by make_fixtures.py; README.md there).
// Expected values are what the producers were told to write, and Microsoft's serial-day examples.
#include "io/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace concord::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Fixture(const std::string& name) {
  return ReadFile(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name);
}

std::string ErrorOf(const std::string& bytes, const std::string& name, std::string_view sheet = {}) {
  auto rows = ReadXlsx(bytes, name, sheet);
  return rows.ok() ? "no error" : rows.error().message;
}

// A workbook written by libxlsxwriter, as the bytes of an .xlsx file.
std::string WriteWithLibxlsxwriter() {
  const auto path = std::filesystem::temp_directory_path() /
                    ("xlsx_reader_test_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Sheet1");
  lxw_format* day = workbook_add_format(book);
  format_set_num_format(day, "yyyy-mm-dd");
  lxw_format* stamp = workbook_add_format(book);
  format_set_num_format(stamp, "dd/mm/yyyy hh:mm");
  lxw_format* money = workbook_add_format(book);
  format_set_num_format(money, "#,##0.00");
  worksheet_write_string(sheet, 0, 0, "worker", nullptr);
  worksheet_write_string(sheet, 0, 1, "rate", nullptr);
  worksheet_write_string(sheet, 0, 2, "start", nullptr);
  worksheet_write_string(sheet, 0, 3, "active", nullptr);
  worksheet_write_string(sheet, 1, 0, "Ana Lima", nullptr);
  worksheet_write_number(sheet, 1, 1, 12.5, money);
  lxw_datetime new_year{2008, 1, 1, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 2, &new_year, day);
  worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
  worksheet_write_blank(sheet, 1, 6, money);  // a formatted empty cell past the last filled one
  // Row 3 is empty; row 4 has gaps and rich text.
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_rich_string_tuple first{nullptr, const_cast<char*>("Bo ")};
  lxw_rich_string_tuple second{bold, const_cast<char*>("Chen")};
  lxw_rich_string_tuple* runs[] = {&first, &second, nullptr};
  worksheet_write_rich_string(sheet, 3, 0, runs, nullptr);
  lxw_datetime afternoon{2008, 1, 1, 18, 0, 0};
  worksheet_write_datetime(sheet, 3, 2, &afternoon, stamp);
  worksheet_write_number(sheet, 3, 4, 39448, nullptr);  // a number in a general cell stays a number
  worksheet_write_boolean(sheet, 3, 5, 0, nullptr);
  lxw_worksheet* other = workbook_add_worksheet(book, "Other sheet");
  worksheet_write_string(other, 1, 1, "second", nullptr);
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
  std::string bytes = ReadFile(path.string());
  std::filesystem::remove(path);
  return bytes;
}

TEST(XlsxReader, LibxlsxwriterWorkbook) {
  const std::string bytes = WriteWithLibxlsxwriter();
  EXPECT_TRUE(LooksLikeZip(bytes));
  auto rows = ReadXlsx(bytes, "vms.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].line, 1);
  EXPECT_THAT((*rows)[0].fields, ElementsAre("worker", "rate", "start", "active"));
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_THAT((*rows)[1].fields, ElementsAre("Ana Lima", "12.5", "2008-01-01", "TRUE"));
  EXPECT_EQ((*rows)[2].line, 4);
  EXPECT_THAT((*rows)[2].fields, ElementsAre("Bo Chen", "", "2008-01-01T18:00:00", "", "39448", "FALSE"));
}

TEST(XlsxReader, NamedSheet) {
  const std::string bytes = WriteWithLibxlsxwriter();
  auto rows = ReadXlsx(bytes, "vms.xlsx", "Other sheet");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_THAT((*rows)[0].fields, ElementsAre("", "second"));
  EXPECT_EQ(ErrorOf(bytes, "vms.xlsx", "Missing"), "vms.xlsx: has no worksheet named \"Missing\"");
}

TEST(XlsxReader, OpenpyxlWorkbook) {
  auto rows = ReadXlsx(Fixture("openpyxl.xlsx"), "openpyxl.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_THAT((*rows)[0].fields, ElementsAre("worker", "rate", "start", "active", "note"));
  EXPECT_THAT((*rows)[1].fields, ElementsAre("Ana Lima", "12.5", "2008-01-01", "TRUE"));
  EXPECT_EQ((*rows)[2].line, 4);
  EXPECT_THAT((*rows)[2].fields, ElementsAre("Bo Chen", "0.1", "2026-02-28", "", "x"));
}

TEST(XlsxReader, HandWrittenSpreadsheetMl) {
  auto rows = ReadXlsx(Fixture("handmade-1904.xlsx"), "handmade.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_THAT((*rows)[0].fields, ElementsAre("name", "day", "ok?"));
  EXPECT_THAT((*rows)[1].fields, ElementsAre("Café & Co", "2008-01-01", "TRUE", "", "1.50"));
  EXPECT_EQ((*rows)[2].line, 3);  // a row without r follows row 2
  EXPECT_THAT((*rows)[2].fields, ElementsAre("東京", "1904-01-01", "FALSE", "#N/A", "1.25"));
  EXPECT_EQ((*rows)[3].line, 5);
  EXPECT_THAT((*rows)[3].fields, ElementsAre("namex"));  // a formula's cached text
}

TEST(XlsxReader, ErrorsNameTheFileSheetAndCell) {
  EXPECT_EQ(ErrorOf(Fixture("bad-shared-string.xlsx"), "vms.xlsx"),
            "vms.xlsx: PSR data!C7: shared string \"99\" does not exist");
  EXPECT_EQ(ErrorOf(Fixture("bad-date.xlsx"), "vms.xlsx"), "vms.xlsx: PSR data!B2: serial -3 is before 1904-01-01");
  EXPECT_THAT(ErrorOf(Fixture("malformed.xlsx"), "vms.xlsx"),
              HasSubstr("vms.xlsx: xl/worksheets/data.xml, line 1: is not well-formed XML (mismatched tag)"));
}

TEST(XlsxReader, HostileInputFailsCleanly) {
  EXPECT_EQ(ErrorOf(Fixture("bomb.xlsx"), "bomb.xlsx"), "bomb.xlsx: xl/worksheets/data.xml: unpacks to more than 64 MiB");
  EXPECT_EQ(ErrorOf(Fixture("doctype.xlsx"), "d.xlsx"),
            "d.xlsx: has a document type declaration, which Office Open XML forbids");
  EXPECT_FALSE(LooksLikeZip("worker,rate\n"));
  EXPECT_THAT(ErrorOf("worker,rate\n", "vms.csv"), HasSubstr("vms.csv: not an .xlsx workbook (zip archive: "));
  const std::string truncated = Fixture("openpyxl.xlsx").substr(0, 1000);
  EXPECT_THAT(ErrorOf(truncated, "cut.xlsx"), HasSubstr("cut.xlsx: "));
}

}  // namespace
}  // namespace concord::io

namespace concord::io {
namespace {

// The reconciliation engine's input: the openpyxl sheet (header in row 1, row 3 empty, D4 empty).
TEST(XlsxToCsv, LinesAreSheetRowsAndRowsHaveTheHeadersWidth) {
  auto csv = XlsxToCsv(Fixture("openpyxl.xlsx"), "openpyxl.xlsx");
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(*csv,
            "worker,rate,start,active,note\r\n"
            "Ana Lima,12.5,2008-01-01,TRUE,\r\n"
            "\r\n"
            "Bo Chen,0.1,2026-02-28,,x\r\n");
  auto quoted = XlsxToCsv(Fixture("handmade-1904.xlsx"), "h.xlsx");
  ASSERT_TRUE(quoted.ok());
  EXPECT_EQ(quoted->substr(0, quoted->find("\r\n", 15)), "name,day,ok?\r\nCafé & Co,2008-01-01,TRUE,,1.50");
}

}  // namespace
}  // namespace concord::io
