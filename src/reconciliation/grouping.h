// Turns the engine's exceptions into work items: one item per (kind, key). The engine reports every row
// of a duplicate key as its own exception; a person resolves the key, so those rows become one item.
// Pure: a ResultSink that keeps the groups in memory, bounded by a maximum number of items.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "recon/recon.h"

namespace concord::reconciliation {

struct ItemDraft {
  std::string kind;  // recon::ExceptionKindName
  std::string key;
  nlohmann::json details;
};

class ItemSink final : public recon::ResultSink {
 public:
  explicit ItemSink(size_t max_items) : max_items_(max_items) {}
  Status Begin(const recon::RunInfo& info) override;
  Status Add(const recon::Exception& exception) override;
  Status Finish(const recon::Summary& summary) override;

  // In (kind, key) order, so storing them is deterministic.
  std::vector<ItemDraft> TakeItems();
  const recon::Summary& summary() const { return summary_; }

 private:
  size_t max_items_;
  recon::RunInfo info_;
  recon::Summary summary_;
  std::map<std::pair<std::string, std::string>, nlohmann::json> groups_;
};

// The identity of an exception as an item: its key, or for a record that could not be read (no key),
// the side and line.
std::string ItemKey(const recon::Exception& exception);

}  // namespace concord::reconciliation
