// End-to-end classification on small, hand-checked inputs, and the equivalence of the in-memory,
// multi-threaded and spilling paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "recon/recon.h"
#include "recon/sinks.h"

namespace concord::recon {
namespace {

struct RunResult {
  Result<Summary> summary = Summary{};
  CollectingSink sink;

  std::vector<const Exception*> Of(ExceptionKind kind) const {
    std::vector<const Exception*> out;
    for (const Exception& e : sink.exceptions()) {
      if (e.kind == kind) out.push_back(&e);
    }
    return out;
  }
};

std::unique_ptr<RunResult> Reconcile(const std::string& spec_text, const std::string& left, const std::string& right,
                               Options options = {}) {
  auto run = std::make_unique<RunResult>();
  auto spec = ParseSpec(spec_text, "test.toml");
  EXPECT_TRUE(spec.ok()) << spec.error().message;
  Inputs inputs;
  inputs.left.text = left;
  inputs.right.text = right;
  run->summary = concord::recon::Reconcile(*spec, inputs, run->sink, nullptr, options);
  return run;
}

const char* kSpec = R"(
[left]
key = ["id"]
[right]
key = ["id"]
[compare]
normalize = ["trim"]
[[columns]]
left = "amount"
normalize = ["money"]
tolerance = "0.01"
[[columns]]
left = "date"
normalize = ["date"]
date_formats = ["YYYY-MM-DD", "M/D/YYYY"]
)";

TEST(Reconcile, ClassifiesMatchedMismatchedAndOneSided) {
  const std::string left =
      "id,name,amount,date\n"
      "1,Ann,$1,234.50,2024-01-31\n"  // wrong on purpose: unquoted comma -> parse error
      "2,Bob,10.00,2024-02-01\n"
      "3,Cy,20.00,2024-02-02\n"
      "4,Di,30.00,2024-02-03\n";
  const std::string right =
      "id,name,amount,date\n"
      "2, Bob ,10.005,2/1/2024\n"  // trim + within 0.01 + other date format: matched
      "3,Cyd,(20.00),2024-02-02\n"  // name and sign differ: mismatched
      "5,Eve,1.00,2024-02-05\n";
  auto run = Reconcile(kSpec, left, right);
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().message;
  const Summary& s = *run->summary;
  EXPECT_EQ(s.left_rows, 4u);
  EXPECT_EQ(s.right_rows, 3u);
  EXPECT_EQ(s.parse_errors, 1u);
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.mismatched, 1u);
  EXPECT_EQ(s.only_left, 1u);
  EXPECT_EQ(s.only_right, 1u);

  auto failures = run->Of(ExceptionKind::kParseError);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0]->failure->file, "<left>");
  EXPECT_EQ(failures[0]->failure->line, 2u);
  EXPECT_EQ(failures[0]->failure->column, 17u);  // "1,Ann,$1,234.50," -> the fifth field starts at 17

  auto mismatched = run->Of(ExceptionKind::kMismatched);
  ASSERT_EQ(mismatched.size(), 1u);
  EXPECT_EQ(mismatched[0]->key, "3");
  EXPECT_EQ(mismatched[0]->left->line, 4u);
  EXPECT_EQ(mismatched[0]->right->line, 3u);
  ASSERT_EQ(mismatched[0]->diffs.size(), 2u);
  std::map<std::string, FieldDiff> diffs;
  for (const FieldDiff& d : mismatched[0]->diffs) diffs[d.left_column] = d;
  EXPECT_EQ(diffs["amount"].left_value, "20.00");
  EXPECT_EQ(diffs["amount"].right_value, "(20.00)");
  EXPECT_EQ(diffs["amount"].left_normalized, "20.00");
  EXPECT_EQ(diffs["amount"].right_normalized, "-20.00");
  EXPECT_EQ(diffs["name"].left_value, "Cy");
  EXPECT_EQ(diffs["name"].right_value, "Cyd");

  auto only_left = run->Of(ExceptionKind::kOnlyLeft);
  ASSERT_EQ(only_left.size(), 1u);
  EXPECT_EQ(only_left[0]->key, "4");
  EXPECT_EQ(only_left[0]->left->line, 5u);
  EXPECT_EQ(only_left[0]->left->values, (std::vector<std::string>{"4", "Di", "30.00", "2024-02-03"}));
  auto only_right = run->Of(ExceptionKind::kOnlyRight);
  ASSERT_EQ(only_right.size(), 1u);
  EXPECT_EQ(only_right[0]->key, "5");
  EXPECT_EQ(only_right[0]->right->line, 4u);
}

TEST(Reconcile, DuplicateKeysAreReportedOnBothSides) {
  const std::string left = "id,v\n1,a\n1,b\n2,c\n3,d\n";
  const std::string right = "id,v\n1,a\n2,c\n2,c\n3,d\n";
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n", left, right);
  ASSERT_TRUE(run->summary.ok());
  const Summary& s = *run->summary;
  EXPECT_EQ(s.duplicate_keys, 2u);        // 1 (twice on the left) and 2 (twice on the right)
  EXPECT_EQ(s.duplicate_left_rows, 3u);   // 1,a  1,b  2,c
  EXPECT_EQ(s.duplicate_right_rows, 3u);  // 1,a  2,c  2,c
  EXPECT_EQ(s.matched, 1u);               // 3
  EXPECT_EQ(run->Of(ExceptionKind::kDuplicate).size(), 6u);
  std::vector<uint64_t> left_lines;
  for (const Exception* e : run->Of(ExceptionKind::kDuplicate)) {
    if (e->left) left_lines.push_back(e->left->line);
  }
  std::sort(left_lines.begin(), left_lines.end());
  EXPECT_EQ(left_lines, (std::vector<uint64_t>{2, 3, 4}));
}

TEST(Reconcile, HeaderOnlyFilesAreEmptyInputs) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n", "id,v\n", "id,v\n1,x\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->summary->left_rows, 0u);
  EXPECT_EQ(run->summary->only_right, 1u);
}

TEST(Reconcile, EmptyFileIsRefused) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n", "", "id\n1\n");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_EQ(run->summary.error().code, "recon.input_empty");
  EXPECT_NE(run->summary.error().message.find("<left>:1:1"), std::string::npos);
}

TEST(Reconcile, MissingKeyColumnIsRefusedByName) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\nkey=[\"emp_no\"]\n", "id,v\n1,a\n", "id,v\n1,a\n");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_EQ(run->summary.error().code, "recon.column_missing");
  EXPECT_NE(run->summary.error().message.find("<right>:1"), std::string::npos);
  EXPECT_NE(run->summary.error().message.find("\"emp_no\" (right.key[0])"), std::string::npos);
  EXPECT_TRUE(run->sink.exceptions().empty());
}

TEST(Reconcile, HeaderMismatchOnAMappedColumnIsRefused) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n[[columns]]\nleft=\"rate\"\nright=\"bill_rate\"\n",
                       "id,rate\n1,2\n", "id,pay_rate\n1,2\n");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_NE(run->summary.error().message.find("\"bill_rate\" (columns[0].right)"), std::string::npos);
}

TEST(Reconcile, UnpairedColumnsAndIgnoredColumnsAreNotCompared) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n[compare]\nignore=[\"updated\"]\n",
                       "id,only_here,updated,v\n1,x,monday,a\n", "id,updated,v,only_there\n1,tuesday,a,y\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->summary->matched, 1u);
  ASSERT_EQ(run->sink.info().compared.size(), 1u);
  EXPECT_EQ(run->sink.info().compared[0].first, "v");
}

TEST(Reconcile, CompositeKeysWithNormalisation) {
  const char* spec = R"(
[left]
key = ["ssn", "start"]
[right]
key = ["tax_id", "begin"]
[[columns]]
left = "ssn"
right = "tax_id"
normalize = ["digits_only"]
[[columns]]
left = "start"
right = "begin"
normalize = ["date"]
date_formats = ["YYYY-MM-DD", "MM/DD/YYYY"]
)";
  auto run = Reconcile(spec, "ssn,start,rate\n123-45-6789,2024-01-08,50\n",
                       "tax_id,begin,rate\n123456789,01/08/2024,50\n");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().message;
  EXPECT_EQ(run->summary->matched, 1u);
}

TEST(Reconcile, EmptyKeyIsAParseError) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n", "v,id\na,\nb,2\n", "id,v\n2,b\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->summary->parse_errors, 1u);
  auto f = run->Of(ExceptionKind::kParseError);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0]->failure->line, 2u);
  EXPECT_EQ(f[0]->failure->column, 3u);
  EXPECT_EQ(run->summary->matched, 1u);
}

TEST(Reconcile, QuotedFieldsWithBomAndCrLf) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\n[right]\n",
                       "\xEF\xBB\xBFid,note\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n2,plain\r\n",
                       "id,note\n2,plain\n1,\"two\r\nlines, \"\"quoted\"\"\"\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->summary->matched, 2u);
  EXPECT_EQ(run->summary->parse_errors, 0u);
}

TEST(Reconcile, JsonLinesAgainstCsv) {
  auto run = Reconcile("[left]\nkey=[\"id\"]\nformat=\"jsonl\"\n[right]\n[[columns]]\nleft=\"amount\"\nnormalize=[\"number\"]\n",
                       "{\"id\": \"1\", \"amount\": 12.50}\n{\"id\": \"2\", \"amount\": 3}\n{\"id\": 3, bad}\n",
                       "id,amount\n1,12.5\n2,4\n");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().message;
  EXPECT_EQ(run->summary->matched, 1u);
  EXPECT_EQ(run->summary->mismatched, 1u);
  EXPECT_EQ(run->summary->parse_errors, 1u);
  EXPECT_EQ(run->Of(ExceptionKind::kParseError)[0]->failure->line, 3u);
}

TEST(Reconcile, SuggestsLikelyPairsForOneSidedRecords) {
  const char* spec = R"(
[left]
key = ["emp"]
[right]
[compare]
normalize = ["trim", "casefold"]
[suggest]
on = ["last", "dob"]
min_score = 0.6
)";
  // E17 was keyed E71 on the right (a typo); E20 has no counterpart.
  auto run = Reconcile(spec, "emp,last,dob,dept\nE17,Nguyen,1990-04-02,ops\nE20,Park,1985-01-01,hr\n",
                       "emp,last,dob,dept\nE71,NGUYEN,1990-04-02,ops\nE99,Park,1999-09-09,hr\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->summary->only_left, 2u);
  EXPECT_EQ(run->summary->only_right, 2u);
  EXPECT_EQ(run->summary->suggested, 1u);
  auto s = run->Of(ExceptionKind::kSuggested);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]->left->line, 2u);
  EXPECT_EQ(s[0]->right->line, 2u);
  EXPECT_DOUBLE_EQ(s[0]->score, 1.0);  // last, dob, dept all agree after casefold
}

// A deterministic input big enough to be cut into several chunks (> 1 MiB per side) with quoted
// fields and line breaks inside quotes, so chunk boundaries fall inside them.
std::string Generate(int rows, int variant) {
  std::string out = "id,name,note,amount\n";
  uint64_t x = 12345;
  for (int i = 0; i < rows; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    if (variant == 1 && i % 50 == 7) continue;  // only-left on the other side
    std::string amount = std::to_string(i % 1000);
    if (variant == 1 && i % 20 == 3) {
      amount = std::to_string(i % 1000 + 1);
      amount.append(".00");
    } else {
      amount.append(".").append(std::to_string(i % 10)).append("0");
    }
    std::string note;
    if ((x >> 33) % 5 == 0) {
      note = "\"line one\nline \"\"two\"\", end\"";
    } else {
      note.append("plain note ").append(std::to_string(i));
    }
    // append() rather than operator+ chains: GCC 12 reports a false -Wrestrict on the latter.
    out.append("K").append(std::to_string(i)).append(",Name ").append(std::to_string(i % 977));
    out.append(",").append(note).append(",").append(amount).append("\n");
    if (variant == 0 && i % 500 == 11) out.append("K").append(std::to_string(i)).append(",dup,x,1\n");
  }
  return out;
}

TEST(Reconcile, ThreadsAndSpillingGiveTheSameResult) {
  const std::string spec = "[left]\nkey=[\"id\"]\n[right]\n[[columns]]\nleft=\"amount\"\nnormalize=[\"money\"]\n";
  const std::string left = Generate(60000, 0);
  const std::string right = Generate(60000, 1);
  ASSERT_GT(left.size(), size_t{2} << 20);  // at least two 1 MiB chunks
  Options one;
  one.threads = 1;
  Options two;
  two.threads = 2;
  Options spill;
  spill.threads = 2;
  spill.memory_budget = 1 << 20;
  auto a = Reconcile(spec, left, right, one);
  auto b = Reconcile(spec, left, right, two);
  auto c = Reconcile(spec, left, right, spill);
  ASSERT_TRUE(a->summary.ok() && b->summary.ok() && c->summary.ok());
  EXPECT_FALSE(a->summary->spilled);
  EXPECT_TRUE(c->summary->spilled);
  // Hand count: 60000 ids; every 50th (i%50==7) is missing on the right: 1200 only-left.
  // Duplicates on the left at i%500==11: 120 keys; of those, i%50==7 never holds (11 % 50 = 11).
  // Mismatched: i%20==3 and not i%50==7 and not duplicated. i%20==3 and i%50==7 both hold when
  // i%100==7... i%20==3 means i%100 in {3,23,43,63,83}; i%50==7 means i%100 in {7,57}: never both.
  // i%20==3 and i%500==11: i%20 = 11 % 20 = 11 != 3: never. So 60000/20 = 3000 mismatched.
  EXPECT_EQ(a->summary->only_left, 1200u);
  EXPECT_EQ(a->summary->only_right, 0u);
  EXPECT_EQ(a->summary->duplicate_keys, 120u);
  EXPECT_EQ(a->summary->duplicate_left_rows, 240u);
  EXPECT_EQ(a->summary->duplicate_right_rows, 120u);
  EXPECT_EQ(a->summary->mismatched, 3000u);
  EXPECT_EQ(a->summary->matched, 60000u - 1200u - 120u - 3000u);
  EXPECT_EQ(a->summary->parse_errors, 0u);
  for (const RunResult* r : {b.get(), c.get()}) {
    EXPECT_EQ(r->summary->matched, a->summary->matched);
    EXPECT_EQ(r->summary->mismatched, a->summary->mismatched);
    EXPECT_EQ(r->summary->only_left, a->summary->only_left);
    EXPECT_EQ(r->summary->duplicate_keys, a->summary->duplicate_keys);
    EXPECT_EQ(r->sink.exceptions().size(), a->sink.exceptions().size());
  }
  // Same exceptions in the same order, whatever the number of threads.
  for (size_t i = 0; i < a->sink.exceptions().size(); ++i) {
    ASSERT_EQ(a->sink.exceptions()[i].key, b->sink.exceptions()[i].key);
  }
}

TEST(Sinks, JsonStringEscapesAndReplacesInvalidUtf8) {
  std::string out;
  // RFC 8259 section 7: quote, backslash and control characters are escaped; "é" (C3 A9) is valid
  // UTF-8 and kept; a lone FF byte is not UTF-8 and becomes U+FFFD (EF BF BD).
  AppendJsonString("a\"b\\c\n\x01\xC3\xA9\xFF", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\xC3\xA9\xEF\xBF\xBD\"");
  out.clear();
  AppendJsonString("\xED\xA0\x80", &out);  // an encoded surrogate is not valid UTF-8: three U+FFFD
  EXPECT_EQ(out, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(Reconcile, WritesJsonCsvAndXlsxAndNothingOnError) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("recon_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto spec = ParseSpec("[left]\nkey=[\"id\"]\n[right]\n", "t.toml");
  ASSERT_TRUE(spec.ok());
  Inputs inputs;
  inputs.left.text = "id,v\n1,a\n2,b\n";
  inputs.right.text = "id,v\n1,\"a,x\"\n3,c\n";
  for (const char* ext : {".json", ".csv", ".xlsx"}) {
    std::string path = (dir / (std::string("out") + ext)).string();
    auto sink = OpenFileSink(path);
    ASSERT_TRUE(sink.ok());
    auto summary = concord::recon::Reconcile(*spec, inputs, **sink);
    ASSERT_TRUE(summary.ok());
    EXPECT_TRUE(fs::exists(path)) << path;
  }
  std::ifstream json_in(dir / "out.json");
  nlohmann::json j = nlohmann::json::parse(json_in);
  EXPECT_EQ(j["summary"]["mismatched"], 1);
  EXPECT_EQ(j["exceptions"].size(), 3u);
  std::ifstream csv_in(dir / "out.csv");
  std::string csv((std::istreambuf_iterator<char>(csv_in)), std::istreambuf_iterator<char>());
  EXPECT_NE(csv.find("mismatched,1,2,2,v,v,a,\"a,x\",a,\"a,x\",\r\n"), std::string::npos) << csv;

  Inputs bad = inputs;
  bad.right.text = "key,v\n1,a\n";
  std::string path = (dir / "bad.json").string();
  {
    auto sink = OpenFileSink(path);
    ASSERT_TRUE(sink.ok());
    EXPECT_FALSE(concord::recon::Reconcile(*spec, bad, **sink).ok());
  }
  EXPECT_FALSE(fs::exists(path));
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << "left behind: " << entry.path();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace concord::recon
