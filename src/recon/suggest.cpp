#include "recon/suggest.h"

#include <algorithm>
#include <unordered_map>

namespace concord::recon {
namespace {

std::string BlockKey(const Plan& plan, const UnmatchedRow& row, std::string* scratch) {
  std::string key;
  for (size_t c : plan.suggest_on) {
    const ComparedColumn& col = plan.compared[c];
    size_t field = row.side == Side::kLeft ? col.left : col.right;
    NormValue v = col.normalizer->Apply(row.values[field], *scratch);
    ColumnNormalizer::AppendCanonical(v, &key);
    key.push_back('\x1f');
  }
  return key;
}

}  // namespace

std::vector<Exception> SuggestMatches(const Plan& plan, const SourceData& left, const SourceData& right,
                                      double min_score, std::vector<UnmatchedRow> unmatched) {
  std::vector<Exception> out;
  if (plan.compared.empty()) return out;
  std::sort(unmatched.begin(), unmatched.end(), [](const UnmatchedRow& a, const UnmatchedRow& b) {
    return a.side != b.side ? a.side < b.side : a.line < b.line;
  });
  std::string scratch_a, scratch_b;
  std::unordered_map<std::string, std::vector<size_t>> blocks;
  for (size_t i = 0; i < unmatched.size(); ++i) {
    if (unmatched[i].side == Side::kRight) blocks[BlockKey(plan, unmatched[i], &scratch_a)].push_back(i);
  }
  std::vector<bool> used(unmatched.size(), false);
  for (const UnmatchedRow& l : unmatched) {
    if (l.side != Side::kLeft) continue;
    auto it = blocks.find(BlockKey(plan, l, &scratch_a));
    if (it == blocks.end()) continue;
    std::vector<std::string_view> lv(l.values.begin(), l.values.end());
    double best_score = -1;
    size_t best = 0;
    std::vector<FieldDiff> best_diffs;
    for (size_t r : it->second) {
      if (used[r]) continue;
      std::vector<std::string_view> rv(unmatched[r].values.begin(), unmatched[r].values.end());
      std::vector<FieldDiff> diffs = Joiner::Differences(plan, left, right, lv, rv, &scratch_a, &scratch_b);
      double score = 1.0 - static_cast<double>(diffs.size()) / static_cast<double>(plan.compared.size());
      if (score > best_score) {
        best_score = score;
        best = r;
        best_diffs = std::move(diffs);
      }
    }
    if (best_score < min_score) continue;
    used[best] = true;
    Exception e;
    e.kind = ExceptionKind::kSuggested;
    e.key = l.key + " ~ " + unmatched[best].key;
    e.left = RowInfo{Side::kLeft, l.line, l.values};
    e.right = RowInfo{Side::kRight, unmatched[best].line, unmatched[best].values};
    e.diffs = std::move(best_diffs);
    e.score = best_score;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace concord::recon
