#include "recon/plan.h"

#include <algorithm>

#include <xxhash.h>

namespace concord::recon {
namespace {

constexpr char kKeySeparator = '\x1f';

Result<size_t> FindColumn(const SourceData& src, const std::string& name, const std::string& spec_key) {
  for (size_t i = 0; i < src.columns.size(); ++i) {
    if (src.columns[i] == name) return i;
  }
  std::string message = "column \"" + name + "\" (" + spec_key + ") is not in the header";
  return Error::Invalid("recon.column_missing", src.file + ":1: " + message,
                        {{src.file + ", line 1", "recon.column_missing", message}});
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

bool KeyBuilder::Build(const std::vector<std::string_view>& record, std::string* key, std::string* scratch) const {
  key->clear();
  bool any = false;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (i > 0) key->push_back(kKeySeparator);
    NormValue v = normalizers_[i]->Apply(record[fields_[i]], *scratch);
    size_t before = key->size();
    ColumnNormalizer::AppendCanonical(v, key);
    any = any || key->size() > before;
  }
  return any;
}

uint64_t HashKey(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

std::string DisplayKey(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), kKeySeparator, '|');
  return out;
}

Result<std::unique_ptr<Plan>> BuildPlan(const Spec& spec, const SourceData& left, const SourceData& right) {
  auto plan = std::make_unique<Plan>();
  auto make = [&](const ColumnRule& rule, const std::string& where) -> Result<const ColumnNormalizer*> {
    auto n = ColumnNormalizer::Create(rule, where);
    if (!n.ok()) return std::move(n).error();
    plan->normalizers.push_back(std::make_unique<ColumnNormalizer>(std::move(n).value()));
    return plan->normalizers.back().get();
  };
  ColumnRule default_rule;
  default_rule.normalizers = spec.default_normalizers;
  const ColumnNormalizer* default_normalizer = TRY(make(default_rule, "compare"));

  std::vector<const ColumnNormalizer*> rule_normalizers;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    rule_normalizers.push_back(TRY(make(spec.columns[i], "columns[" + std::to_string(i) + "]")));
  }

  std::vector<size_t> lk, rk;
  std::vector<const ColumnNormalizer*> kn;
  std::vector<bool> left_used(left.columns.size()), right_used(right.columns.size());
  for (size_t i = 0; i < spec.left.key.size(); ++i) {
    const std::string where = "key[" + std::to_string(i) + "]";
    size_t l = TRY(FindColumn(left, spec.left.key[i], "left." + where));
    size_t r = TRY(FindColumn(right, spec.right.key[i], "right." + where));
    const ColumnNormalizer* n = default_normalizer;
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      if (spec.columns[c].left == spec.left.key[i] && spec.columns[c].right == spec.right.key[i]) {
        n = rule_normalizers[c];
      }
    }
    lk.push_back(l);
    rk.push_back(r);
    kn.push_back(n);
    left_used[l] = true;
    right_used[r] = true;
  }
  plan->left_key = std::make_unique<KeyBuilder>(lk, kn);
  plan->right_key = std::make_unique<KeyBuilder>(rk, kn);
  plan->left_wanted.assign(left.columns.size(), false);
  plan->right_wanted.assign(right.columns.size(), false);
  for (size_t l : lk) plan->left_wanted[l] = true;
  for (size_t r : rk) plan->right_wanted[r] = true;

  for (size_t c = 0; c < spec.columns.size(); ++c) {
    const ColumnRule& rule = spec.columns[c];
    const std::string where = "columns[" + std::to_string(c) + "]";
    size_t l = TRY(FindColumn(left, rule.left, where + ".left"));
    size_t r = TRY(FindColumn(right, rule.right, where + ".right"));
    if (left_used[l] && right_used[r]) continue;  // a key pair: its rule only normalises the key
    if (Contains(spec.ignore, rule.left) || Contains(spec.ignore, rule.right)) continue;
    left_used[l] = right_used[r] = true;
    plan->compared.push_back({l, r, rule_normalizers[c]});
  }
  if (spec.compare_same_name) {
    for (size_t l = 0; l < left.columns.size(); ++l) {
      if (left_used[l] || Contains(spec.ignore, left.columns[l])) continue;
      for (size_t r = 0; r < right.columns.size(); ++r) {
        if (!right_used[r] && right.columns[r] == left.columns[l]) {
          left_used[l] = right_used[r] = true;
          plan->compared.push_back({l, r, default_normalizer});
          break;
        }
      }
    }
  }
  for (size_t s = 0; s < spec.suggest.on.size(); ++s) {
    const std::string& name = spec.suggest.on[s];
    bool found = false;
    for (size_t c = 0; c < plan->compared.size(); ++c) {
      if (left.columns[plan->compared[c].left] == name) {
        plan->suggest_on.push_back(c);
        found = true;
      }
    }
    if (!found) {
      std::string message = "suggest.on[" + std::to_string(s) + "]: \"" + name + "\" is not a compared column";
      return Error::Invalid("recon.spec_invalid", spec.path + ": " + message,
                            {{"suggest.on[" + std::to_string(s) + "]", "recon.spec_invalid", message}});
    }
  }
  return plan;
}

}  // namespace concord::recon
