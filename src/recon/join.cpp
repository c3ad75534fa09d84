#include "recon/join.h"

#include <algorithm>
#include <numeric>

namespace concord::recon {

RowInfo MakeRowInfo(Side side, uint64_t line, const std::vector<std::string_view>& fields) {
  RowInfo info;
  info.side = side;
  info.line = line;
  info.values.assign(fields.begin(), fields.end());
  return info;
}

Joiner::Joiner(const JoinContext& context)
    : ctx_(context), left_decoder_(context.left), right_decoder_(context.right) {}

std::vector<FieldDiff> Joiner::Differences(const Plan& plan, const SourceData& left, const SourceData& right,
                                           const std::vector<std::string_view>& a,
                                           const std::vector<std::string_view>& b, std::string* scratch_a,
                                           std::string* scratch_b) {
  std::vector<FieldDiff> diffs;
  for (const ComparedColumn& c : plan.compared) {
    std::string_view lv = a[c.left];
    std::string_view rv = b[c.right];
    // Normalisation is a function of the text, so equal raw values always agree: most fields of most
    // records stop here without being normalised.
    if (lv == rv) continue;
    NormValue ln = c.normalizer->Apply(lv, *scratch_a);
    NormValue rn = c.normalizer->Apply(rv, *scratch_b);
    if (c.normalizer->Agree(ln, rn)) continue;
    diffs.push_back({left.columns[c.left], right.columns[c.right], std::string(lv), std::string(rv),
                     ColumnNormalizer::Display(ln), ColumnNormalizer::Display(rn)});
  }
  return diffs;
}

bool Joiner::DecodeRow(Side side, const RowRef& row, std::vector<std::string_view>* fields, std::string* key,
                       RangeOutput* out) {
  RecordDecoder& decoder = side == Side::kLeft ? left_decoder_ : right_decoder_;
  const KeyBuilder& builder = side == Side::kLeft ? *ctx_.plan.left_key : *ctx_.plan.right_key;
  std::string_view record(row.data, row.size);
  if (decoder.Decode(record, fields, &message_) && builder.Build(*fields, key, &scratch_a_)) return true;
  // Records were validated when read; this only guards against a changed file under a mapping.
  Exception e;
  e.kind = ExceptionKind::kParseError;
  const SourceData& src = side == Side::kLeft ? ctx_.left : ctx_.right;
  e.failure = ParseFailure{src.file, row.line, 1, message_.empty() ? "the record could not be read again" : message_};
  out->exceptions.push_back(std::move(e));
  return false;
}

void Joiner::Alone(Side side, const RowRef& row, const std::vector<std::string_view>& fields, const std::string& key,
                   RangeOutput* out) {
  Exception e;
  e.kind = side == Side::kLeft ? ExceptionKind::kOnlyLeft : ExceptionKind::kOnlyRight;
  e.key = DisplayKey(key);
  RowInfo info = MakeRowInfo(side, row.line, fields);
  if (ctx_.keep_unmatched) out->unmatched.push_back({side, row.line, e.key, info.values});
  (side == Side::kLeft ? e.left : e.right) = std::move(info);
  (side == Side::kLeft ? out->counts.only_left : out->counts.only_right)++;
  out->exceptions.push_back(std::move(e));
}

void Joiner::Compare(const RowRef& l, const RowRef& r, const std::string* key, RangeOutput* out) {
  std::vector<FieldDiff> diffs =
      Differences(ctx_.plan, ctx_.left, ctx_.right, left_fields_, right_fields_, &scratch_a_, &scratch_b_);
  if (diffs.empty()) {
    ++out->counts.matched;
    return;
  }
  ++out->counts.mismatched;
  Exception e;
  e.kind = ExceptionKind::kMismatched;
  if (key == nullptr) {
    ctx_.plan.left_key->Build(left_fields_, &left_key_, &scratch_a_);
    key = &left_key_;
  }
  e.key = DisplayKey(*key);
  e.left = RowInfo{Side::kLeft, l.line, {}};
  e.right = RowInfo{Side::kRight, r.line, {}};
  e.diffs = std::move(diffs);
  out->exceptions.push_back(std::move(e));
}

bool Joiner::RawKeysEqual() const {
  const std::vector<size_t>& lk = ctx_.plan.left_key->fields();
  const std::vector<size_t>& rk = ctx_.plan.right_key->fields();
  for (size_t k = 0; k < lk.size(); ++k) {
    if (left_fields_[lk[k]] != right_fields_[rk[k]]) return false;
  }
  return true;
}

void Joiner::Pair(const RowRef& l, const RowRef& r, RangeOutput* out) {
  // Equal hashes almost always mean equal keys. When the raw key fields are identical the normalised
  // keys are too, so the canonical keys are only built when the raw ones differ (or for output).
  std::string message;
  if (left_decoder_.Decode(std::string_view(l.data, l.size), &left_fields_, &message) &&
      right_decoder_.Decode(std::string_view(r.data, r.size), &right_fields_, &message) && RawKeysEqual()) {
    Compare(l, r, nullptr, out);
    return;
  }
  bool lok = DecodeRow(Side::kLeft, l, &left_fields_, &left_key_, out);
  bool rok = DecodeRow(Side::kRight, r, &right_fields_, &right_key_, out);
  if (lok && rok && left_key_ == right_key_) {
    Compare(l, r, &left_key_, out);
    return;
  }
  if (lok) Alone(Side::kLeft, l, left_fields_, left_key_, out);
  if (rok) Alone(Side::kRight, r, right_fields_, right_key_, out);
}

void Joiner::Group(std::span<const RowRef> left, std::span<const RowRef> right, RangeOutput* out) {
  // Several records share a hash: decode them all and group by the canonical key.
  std::vector<Decoded> rows;
  for (int s = 0; s < 2; ++s) {
    Side side = s == 0 ? Side::kLeft : Side::kRight;
    std::vector<std::string_view>& fields = s == 0 ? left_fields_ : right_fields_;
    for (const RowRef& row : s == 0 ? left : right) {
      std::string key;
      if (!DecodeRow(side, row, &fields, &key, out)) continue;
      rows.push_back({&row, side, std::move(key), std::vector<std::string>(fields.begin(), fields.end())});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Decoded& a, const Decoded& b) { return a.key < b.key; });
  auto views = [](const Decoded& d) { return std::vector<std::string_view>(d.values.begin(), d.values.end()); };
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    size_t nl = 0, nr = 0;
    while (j < rows.size() && rows[j].key == rows[i].key) {
      (rows[j].side == Side::kLeft ? nl : nr)++;
      ++j;
    }
    if (nl <= 1 && nr <= 1) {
      const Decoded* l = nullptr;
      const Decoded* r = nullptr;
      for (size_t k = i; k < j; ++k) (rows[k].side == Side::kLeft ? l : r) = &rows[k];
      if (l && r) {
        left_fields_ = views(*l);
        right_fields_ = views(*r);
        Compare(*l->row, *r->row, &l->key, out);
      } else {
        const Decoded* d = l ? l : r;
        Alone(d->side, *d->row, views(*d), d->key, out);
      }
    } else {
      // Which of several rows is "the" record is for a person to decide: report every one of them.
      ++out->counts.duplicate_keys;
      out->counts.duplicate_left_rows += nl;
      out->counts.duplicate_right_rows += nr;
      for (size_t k = i; k < j; ++k) {
        Exception e;
        e.kind = ExceptionKind::kDuplicate;
        e.key = DisplayKey(rows[k].key);
        (rows[k].side == Side::kLeft ? e.left : e.right) =
            RowInfo{rows[k].side, rows[k].row->line, rows[k].values};
        out->exceptions.push_back(std::move(e));
      }
    }
    i = j;
  }
}

void Joiner::Join(std::span<const RowRef> left, std::span<const RowRef> right, RangeOutput* out) {
  size_t i = 0, j = 0;
  // Records are visited in hash order, which is random order in memory: fetch a few ahead so the
  // cache misses overlap instead of queueing.
  constexpr size_t kAhead = 8;
  auto prefetch = [](const RowRef& r) {
    __builtin_prefetch(r.data);
    __builtin_prefetch(r.data + 64);
  };
  for (size_t k = 0; k < kAhead; ++k) {
    if (k < left.size()) prefetch(left[k]);
    if (k < right.size()) prefetch(right[k]);
  }
  while (i < left.size() || j < right.size()) {
    if (i + kAhead < left.size()) prefetch(left[i + kAhead]);
    if (j + kAhead < right.size()) prefetch(right[j + kAhead]);
    uint64_t h;
    if (i < left.size() && j < right.size()) h = std::min(left[i].hash, right[j].hash);
    else h = i < left.size() ? left[i].hash : right[j].hash;
    size_t i2 = i, j2 = j;
    while (i2 < left.size() && left[i2].hash == h) ++i2;
    while (j2 < right.size() && right[j2].hash == h) ++j2;
    const size_t nl = i2 - i, nr = j2 - j;
    if (nl == 1 && nr == 1) {
      Pair(left[i], right[j], out);
    } else if (nl + nr == 1) {
      Side side = nl == 1 ? Side::kLeft : Side::kRight;
      const RowRef& row = nl == 1 ? left[i] : right[j];
      std::vector<std::string_view>& fields = nl == 1 ? left_fields_ : right_fields_;
      if (DecodeRow(side, row, &fields, &left_key_, out)) Alone(side, row, fields, left_key_, out);
    } else {
      Group(left.subspan(i, nl), right.subspan(j, nr), out);
    }
    i = i2;
    j = j2;
  }
}

}  // namespace concord::recon
