// The spec resolved against the two headers: which field positions form the key, which pairs are
// compared and how each is normalised. Built once per run, read by every worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "recon/input.h"
#include "recon/normalize.h"
#include "recon/recon.h"

namespace concord::recon {

struct ComparedColumn {
  size_t left = 0;   // field index in the left header
  size_t right = 0;  // field index in the right header
  const ColumnNormalizer* normalizer = nullptr;
};

// Builds a record's canonical key: each key field normalised, joined by U+001F (which CSV data rarely
// holds) so that ("a|b","c") and ("a","b|c") stay distinct.
class KeyBuilder {
 public:
  KeyBuilder(std::vector<size_t> fields, std::vector<const ColumnNormalizer*> normalizers)
      : fields_(std::move(fields)), normalizers_(std::move(normalizers)) {}
  // False when every key field is empty (such a record cannot be matched).
  bool Build(const std::vector<std::string_view>& record, std::string* key, std::string* scratch) const;
  const std::vector<size_t>& fields() const { return fields_; }

 private:
  std::vector<size_t> fields_;
  std::vector<const ColumnNormalizer*> normalizers_;
};

uint64_t HashKey(std::string_view canonical_key);
// The key as people read it: fields joined by '|'.
std::string DisplayKey(std::string_view canonical_key);

struct Plan {
  std::vector<std::unique_ptr<ColumnNormalizer>> normalizers;  // owned; referenced below
  std::unique_ptr<KeyBuilder> left_key;
  std::unique_ptr<KeyBuilder> right_key;
  std::vector<ComparedColumn> compared;
  std::vector<size_t> suggest_on;  // indexes into `compared`
  std::vector<bool> left_wanted;   // fields the reader must materialise (the key)
  std::vector<bool> right_wanted;
};

// Errors name the file and the missing column (recon.column_missing).
Result<std::unique_ptr<Plan>> BuildPlan(const Spec& spec, const SourceData& left, const SourceData& right);

}  // namespace concord::recon
