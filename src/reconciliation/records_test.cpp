#include "reconciliation/records.h"

#include <gtest/gtest.h>

#include "reconciliation/grouping.h"
#include "reconciliation/test_data.h"

namespace concord::reconciliation {
namespace {

std::vector<ItemDraft> Drafts(const std::string& left, const std::string& right, size_t max_items = 100) {
  auto spec = recon::ParseSpec(testdata::kSpec, "audit.toml");
  EXPECT_TRUE(spec.ok()) << spec.error().message;
  ItemSink sink(max_items);
  auto summary = recon::Reconcile(*spec, {{"vms.csv", left}, {"assignments.csv", right}}, sink);
  EXPECT_TRUE(summary.ok()) << summary.error().message;
  return sink.TakeItems();
}

TEST(ItemSink, OneItemPerKindAndKeyWithTheRowsOfADuplicateTogether) {
  auto items = Drafts(testdata::kVms, testdata::kAssignments);
  ASSERT_EQ(items.size(), 4u);
  // Sorted by (kind, key).
  EXPECT_EQ(items[0].kind, "duplicate");
  EXPECT_EQ(items[0].key, "W-1005");
  ASSERT_EQ(items[0].details["rows"].size(), 2u);
  EXPECT_EQ(items[0].details["rows"][0]["line"], 6);
  EXPECT_EQ(items[0].details["rows"][1]["line"], 7);
  EXPECT_EQ(items[0].details["rows"][1]["values"]["start_date"], "2024-04-15");
  EXPECT_EQ(items[1].kind, "mismatched");
  EXPECT_EQ(items[1].key, "W-1002");
  ASSERT_EQ(items[1].details["diffs"].size(), 1u);
  EXPECT_EQ(items[1].details["diffs"][0]["left_column"], "Assignment Start");
  EXPECT_EQ(items[1].details["diffs"][0]["left_normalized"], "2024-03-11");
  EXPECT_EQ(items[2].kind, "mismatched");
  EXPECT_EQ(items[2].key, "W-1004");
  EXPECT_EQ(items[2].details["diffs"][0]["right_value"], "36.00");
  EXPECT_EQ(items[3].kind, "only_left");
  EXPECT_EQ(items[3].key, "W-1006");
  EXPECT_EQ(items[3].details["left"]["values"]["Worker Name"], "Lee, Ann");
}

TEST(ItemSink, ARecordThatCannotBeReadIsAnItemNamedBySideAndLine) {
  auto items = Drafts(std::string(testdata::kVms) + "W-1007,short row\n", testdata::kAssignments);
  ASSERT_EQ(items.size(), 5u);
  const ItemDraft* failure = nullptr;
  for (const auto& item : items) {
    if (item.kind == "parse_error") failure = &item;
  }
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->key, "left line 7");
  EXPECT_EQ(failure->details["failure"]["line"], 7);
  EXPECT_EQ(failure->details["failure"]["file"], "vms.csv");
}

TEST(ItemSink, TooManyItemsStopsTheRun) {
  auto spec = recon::ParseSpec(testdata::kSpec, "audit.toml");
  ItemSink sink(2);
  auto summary =
      recon::Reconcile(*spec, {{"vms.csv", testdata::kVms}, {"assignments.csv", testdata::kAssignments}}, sink);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().code, "reconciliation.too_many_items");
}

TEST(ItemKey, ARecordWithoutAKeyIsNamedBySideAndLine) {
  recon::Exception e;
  e.kind = recon::ExceptionKind::kParseError;
  e.failure = recon::ParseFailure{"vms.csv", 4, 7, "unterminated quote"};
  e.left = recon::RowInfo{recon::Side::kLeft, 4, {"W-1\"x"}};
  EXPECT_EQ(ItemKey(e), "left line 4");
}

TEST(SpecInput, TheEngineJudgesTheTomlAndTheErrorNamesTheKey) {
  EXPECT_TRUE(ValidateSpecInput({"audit", testdata::kSpec, std::nullopt}, true).empty());
  auto errors = ValidateSpecInput({"audit", "[left]\nkey = [\"id\"]\nkye = 1\n[right]\n", std::nullopt}, true);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "toml/left.kye");
  auto missing = ValidateSpecInput({std::nullopt, std::nullopt, std::nullopt}, true);
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].field, "name");
  EXPECT_EQ(missing[1].field, "toml");
}

TEST(ItemRules, ResolveNeedsANoteAndACorrectionAcceptANote) {
  Item open;
  auto bare = CheckResolve(open, "", " ");
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(HttpStatus(bare.error().kind), 422);
  ASSERT_EQ(bare.error().fields.size(), 2u);
  EXPECT_EQ(bare.error().fields[0].field, "note");
  EXPECT_EQ(bare.error().fields[1].field, "correction");
  EXPECT_TRUE(CheckResolve(open, "rate was keyed wrong", "IES assignment 88: bill rate 36.00 -> 38.00").ok());
  EXPECT_FALSE(CheckAccept(open, "").ok());
  EXPECT_TRUE(CheckAccept(open, "VMS rounds differently").ok());
  Item resolved;
  resolved.status = "resolved";
  EXPECT_EQ(HttpStatus(CheckResolve(resolved, "a", "b").error().kind), 409);
  EXPECT_EQ(HttpStatus(CheckAssign(resolved).error().kind), 409);
  Item accepted;
  accepted.status = "accepted";
  EXPECT_TRUE(CheckResolve(accepted, "fixed after all", "VMS rate updated").ok());
  EXPECT_EQ(HttpStatus(CheckAccept(accepted, "again").error().kind), 409);
}

}  // namespace
}  // namespace concord::reconciliation
