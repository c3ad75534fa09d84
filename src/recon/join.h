// Classifies the records of one key-hash range: both sides sorted by (hash, line) and merged. Equal
// hashes are confirmed by comparing the canonical keys, so a hash collision never pairs two records.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "recon/input.h"
#include "recon/plan.h"
#include "recon/recon.h"

namespace concord::recon {

// An only-left or only-right record kept for the suggestion pass.
struct UnmatchedRow {
  Side side = Side::kLeft;
  uint64_t line = 0;
  std::string key;  // display form
  std::vector<std::string> values;
};

struct RangeOutput {
  std::vector<Exception> exceptions;
  Summary counts;  // matched, mismatched, only_*, duplicate_* only
  std::vector<UnmatchedRow> unmatched;
};

struct JoinContext {
  const Plan& plan;
  const SourceData& left;
  const SourceData& right;
  bool keep_unmatched = false;
};

inline bool RowRefLess(const RowRef& a, const RowRef& b) {
  return a.hash != b.hash ? a.hash < b.hash : a.line < b.line;
}

// One per worker thread: owns the decoding buffers.
class Joiner {
 public:
  explicit Joiner(const JoinContext& context);
  // `left` and `right` must be sorted with RowRefLess and hold the same hash range.
  void Join(std::span<const RowRef> left, std::span<const RowRef> right, RangeOutput* out);

  // Fields of `a` and `b` (decoded records) that disagree; used by the suggestion pass too.
  static std::vector<FieldDiff> Differences(const Plan& plan, const SourceData& left, const SourceData& right,
                                            const std::vector<std::string_view>& a,
                                            const std::vector<std::string_view>& b, std::string* scratch_a,
                                            std::string* scratch_b);

 private:
  struct Decoded {
    const RowRef* row;
    Side side;
    std::string key;
    std::vector<std::string> values;  // only filled for groups
  };
  bool DecodeRow(Side side, const RowRef& row, std::vector<std::string_view>* fields, std::string* key,
                 RangeOutput* out);
  void Pair(const RowRef& l, const RowRef& r, RangeOutput* out);
  // Compares the decoded fields; `key` (canonical) is built from the left record when null.
  void Compare(const RowRef& l, const RowRef& r, const std::string* key, RangeOutput* out);
  bool RawKeysEqual() const;
  void Alone(Side side, const RowRef& row, const std::vector<std::string_view>& fields, const std::string& key,
             RangeOutput* out);
  void Group(std::span<const RowRef> left, std::span<const RowRef> right, RangeOutput* out);

  const JoinContext& ctx_;
  RecordDecoder left_decoder_;
  RecordDecoder right_decoder_;
  std::vector<std::string_view> left_fields_;
  std::vector<std::string_view> right_fields_;
  std::string left_key_, right_key_, scratch_a_, scratch_b_, message_;
};

RowInfo MakeRowInfo(Side side, uint64_t line, const std::vector<std::string_view>& fields);

}  // namespace concord::recon
