#include "reconciliation/grouping.h"

#include <algorithm>

namespace concord::reconciliation {
namespace {

const char* SideName(recon::Side side) { return side == recon::Side::kLeft ? "left" : "right"; }

// Values keyed by column name, and the column names in the file's order (JSON objects do not keep it).
nlohmann::json RowJson(const recon::RowInfo& row, const std::vector<std::string>& columns) {
  nlohmann::json values = nlohmann::json::object();
  nlohmann::json order = nlohmann::json::array();
  for (size_t i = 0; i < row.values.size(); ++i) {
    const std::string name = i < columns.size() ? columns[i] : "column " + std::to_string(i + 1);
    values[name] = row.values[i];
    order.push_back(name);
  }
  return {{"side", SideName(row.side)}, {"line", row.line}, {"columns", std::move(order)}, {"values", std::move(values)}};
}

nlohmann::json DiffsJson(const std::vector<recon::FieldDiff>& diffs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : diffs) {
    out.push_back({{"left_column", d.left_column},
                   {"right_column", d.right_column},
                   {"left_value", d.left_value},
                   {"right_value", d.right_value},
                   {"left_normalized", d.left_normalized},
                   {"right_normalized", d.right_normalized}});
  }
  return out;
}

}  // namespace

std::string ItemKey(const recon::Exception& e) {
  if (!e.key.empty()) return e.key;
  const recon::RowInfo* row = e.left ? &*e.left : e.right ? &*e.right : nullptr;
  const uint64_t line = e.failure ? e.failure->line : row ? row->line : 0;
  return std::string(row ? SideName(row->side) : "input") + " line " + std::to_string(line);
}

Status ItemSink::Begin(const recon::RunInfo& info) {
  info_ = info;
  return {};
}

Status ItemSink::Add(const recon::Exception& e) {
  const std::string kind = recon::ExceptionKindName(e.kind);
  auto [it, fresh] = groups_.try_emplace({kind, ItemKey(e)}, nlohmann::json::object());
  if (fresh && groups_.size() > max_items_) {
    // Past this many, the spec most likely pairs the wrong columns; tracking each as work helps no one.
    return Error::Invalid("reconciliation.too_many_items",
                          "The run found more than " + std::to_string(max_items_) +
                              " exceptions; check that the spec's key and columns fit these files.");
  }
  nlohmann::json& details = it->second;
  const auto& columns = [&](recon::Side side) -> const std::vector<std::string>& {
    return side == recon::Side::kLeft ? info_.left_columns : info_.right_columns;
  };
  if (e.kind == recon::ExceptionKind::kDuplicate) {
    // Every row of the key, on both sides, in one item.
    if (!details.contains("rows")) details["rows"] = nlohmann::json::array();
    if (e.left) details["rows"].push_back(RowJson(*e.left, columns(recon::Side::kLeft)));
    if (e.right) details["rows"].push_back(RowJson(*e.right, columns(recon::Side::kRight)));
    return {};
  }
  if (e.left) details["left"] = RowJson(*e.left, columns(recon::Side::kLeft));
  if (e.right) details["right"] = RowJson(*e.right, columns(recon::Side::kRight));
  if (!e.diffs.empty()) details["diffs"] = DiffsJson(e.diffs);
  if (e.failure) {
    details["failure"] = {{"file", e.failure->file},
                          {"line", e.failure->line},
                          {"column", e.failure->column},
                          {"message", e.failure->message}};
  }
  if (e.kind == recon::ExceptionKind::kSuggested) details["score"] = e.score;
  return {};
}

Status ItemSink::Finish(const recon::Summary& summary) {
  summary_ = summary;
  return {};
}

std::vector<ItemDraft> ItemSink::TakeItems() {
  std::vector<ItemDraft> out;
  out.reserve(groups_.size());
  for (auto& [id, details] : groups_) {
    // Rows of a duplicate arrive in partition order; sorted by side and line they read like the files.
    if (details.contains("rows")) {
      auto& rows = details["rows"];
      std::sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return std::make_pair(a["side"].get<std::string>(), a["line"].get<uint64_t>()) <
               std::make_pair(b["side"].get<std::string>(), b["line"].get<uint64_t>());
      });
    }
    out.push_back({id.first, id.second, std::move(details)});
  }
  groups_.clear();
  return out;
}

}  // namespace concord::reconciliation
