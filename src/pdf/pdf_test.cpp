// Checked with poppler's pdftotext and pdfinfo, an independent PDF reader: what a recipient's viewer
// would extract from the file, not what our renderer thinks it drew.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "pdf/pdf.h"

namespace concord::pdf {
namespace {

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes)
      : path_(std::filesystem::temp_directory_path() / fmt::format("concord-pdf-{}.pdf", ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~PdfFile() { std::filesystem::remove(path_); }
  std::string Text() const { return Run(fmt::format("pdftotext -layout '{}' -", path_.string())); }
  std::string Page(int n) const { return Run(fmt::format("pdftotext -layout -f {0} -l {0} '{1}' -", n, path_.string())); }
  std::string Info() const { return Run(fmt::format("pdfinfo '{}'", path_.string())); }

 private:
  std::filesystem::path path_;
};

// "Key:   value" from pdfinfo's output.
std::string InfoField(const std::string& info, const std::string& key) {
  const auto at = ("\n" + info).find("\n" + key + ":");
  if (at == std::string::npos) return "";
  const auto start = info.find_first_not_of(' ', at + key.size() + 1);
  return info.substr(start, info.find('\n', start) - start);
}

Document Letter() {
  Document doc;
  doc.title = "Separation letter";
  doc.subtitle = "Acme Logistics · 22 November 2026";
  doc.author = "concord";
  doc.footer = "Confidential";
  doc.created = "2026-11-22T10:00:00Z";
  doc.blocks = {Heading{"Your last day"},
                Paragraph{"Dear Zoë Müller,\n\nYour assignment ends on 4 December 2026. Your final pay is due by "
                          "5 December 2026."},
                Fields{{{"Worker", "Zoë Müller"}, {"Final pay due", "2026-12-05"}}}};
  return doc;
}

TEST(PdfRender, TextIsExtractableByAnotherReader) {
  auto bytes = Render(Letter());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  ASSERT_TRUE(bytes->starts_with("%PDF-"));
  PdfFile file(*bytes);
  const std::string text = file.Text();
  for (const char* expected : {"Separation letter", "Acme Logistics", "Your last day", "Dear Zoë Müller,",
                               "Final pay due", "2026-12-05", "Confidential", "Page 1 of 1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from:\n" << text;
  }
  EXPECT_LT(text.find("Your last day"), text.find("Dear Zoë"));  // blocks in order
  const std::string info = file.Info();
  EXPECT_EQ(InfoField(info, "Title"), "Separation letter") << info;
  EXPECT_EQ(InfoField(info, "Page size"), "612 x 792 pts (letter)") << info;
}

TEST(PdfRender, LongTablesBreakAcrossPagesAndRepeatTheirHeader) {
  Document doc;
  doc.title = "Time entries";
  Table table{{"Date", "Person", "Job", "Hours"}, {}, {Align::kLeft, Align::kLeft, Align::kLeft, Align::kRight}};
  for (int i = 1; i <= 120; ++i) table.rows.push_back({fmt::format("2026-10-{:02}", i % 28 + 1), "Sam Rivera", fmt::format("ACME-26{:04}", i), "7.50"});
  doc.blocks = {table};
  auto bytes = Render(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  PdfFile file(*bytes);
  const std::string info = file.Info();
  const int pages = std::stoi("0" + InfoField(info, "Pages"));
  EXPECT_GE(pages, 3);  // 120 rows of ~18 pt do not fit on two letter pages
  const std::string last = file.Page(pages);
  EXPECT_NE(last.find("Person"), std::string::npos) << "header repeated on the last page";
  EXPECT_NE(last.find(fmt::format("Page {0} of {0}", pages)), std::string::npos) << last;
  EXPECT_NE(file.Text().find("ACME-260120"), std::string::npos);
}

TEST(PdfRender, SameDocumentAndCreationDateGiveTheSameBytes) {
  // An estimate's checksum is recorded when it is sent; rendering it again must prove it unchanged.
  EXPECT_EQ(Render(Letter()).value(), Render(Letter()).value());
}

TEST(PdfRender, RejectsTextThatIsNotUtf8AndNamesTheBlock) {
  Document doc = Letter();
  doc.blocks.push_back(Paragraph{"caf\xe9"});  // Latin-1, not UTF-8
  auto bytes = Render(doc);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, "pdf.invalid_utf8");
  EXPECT_NE(bytes.error().message.find("Block 4"), std::string::npos) << bytes.error().message;
}

TEST(PdfRender, A4) {
  Document doc = Letter();
  doc.page = PageSize::kA4;
  PdfFile file(Render(doc).value());
  EXPECT_EQ(InfoField(file.Info(), "Page size"), "595.28 x 841.89 pts (A4)");
}

}  // namespace
}  // namespace concord::pdf
