// Items as an export table (CSV/XLSX): one row per item, the differing fields in one readable cell,
// because the people who resolve them sort and filter in Excel.
#include "reconciliation/service.h"

namespace concord::reconciliation {
namespace {

std::string Line(const nlohmann::json& details, const char* side) {
  if (!details.contains(side) || !details[side].contains("line")) return "";
  return std::to_string(details[side]["line"].get<uint64_t>());
}

// "Bill Rate/bill_rate: $38.00 ≠ 36.00; ..." for mismatches, "column=value | ..." for one-sided rows.
std::string Differences(const Item& item) {
  const auto& d = item.details;
  std::string out;
  if (d.contains("diffs")) {
    for (const auto& diff : d["diffs"]) {
      if (!out.empty()) out += "; ";
      const std::string l = diff.value("left_column", ""), r = diff.value("right_column", "");
      out +=
          (l == r ? l : l + "/" + r) + ": " + diff.value("left_value", "") + " \u2260 " + diff.value("right_value", "");
    }
    return out;
  }
  if (d.contains("failure")) return d["failure"].value("message", "");
  auto row_text = [](const nlohmann::json& row) {  // in the file's column order
    std::string text;
    const nlohmann::json& values = row["values"];
    for (const auto& column : row.value("columns", nlohmann::json::array())) {
      const std::string name = column.get<std::string>();
      const nlohmann::json& value = values.contains(name) ? values[name] : nlohmann::json("");
      text += (text.empty() ? "" : " | ") + name + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    return text;
  };
  if (d.contains("rows")) {
    for (const auto& row : d["rows"]) {
      out += (out.empty() ? "" : "; ") + row.value("side", "") + " line " + std::to_string(row.value("line", 0));
    }
    return out;
  }
  for (const char* side : {"left", "right"}) {
    if (d.contains(side)) out += (out.empty() ? "" : " || ") + row_text(d[side]);
  }
  return out;
}

}  // namespace

Result<io::Table> ReconciliationService::ExportTable(const Scope& scope, ItemQuery query) {
  io::Table table{"Exceptions",
                  {"id", "run_id", "first_run_id", "kind", "key", "status", "left_line", "right_line", "differences",
                   "assignee", "resolution_note", "correction", "resolved_at", "updated_at"},
                  {}};
  auto conn = TRY(db_.Acquire());
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  for (;;) {
    Page<Item> page = TRY(reconciliation::ListItems(*conn, scope, query));
    for (const auto& i : page.items) {
      table.rows.push_back({std::to_string(i.id), std::to_string(i.run_id), std::to_string(i.first_run_id), i.kind,
                            i.key, i.status, Line(i.details, "left"), Line(i.details, "right"), Differences(i),
                            i.assignee_name, i.resolution_note, i.correction, i.resolved_at, i.updated_at});
    }
    if (static_cast<int>(page.items.size()) < query.limit) break;
    query.after_key = page.sort_keys.back();
    query.after_id = page.items.back().id;
  }
  return table;
}

Result<io::Table> ReconciliationService::RunsExportTable(const Scope& scope, RunQuery query) {
  io::Table table{"Runs",
                  {"id", "spec", "state", "left_file", "left_sha256", "right_file", "right_sha256", "matched",
                   "mismatched", "only_left", "only_right", "duplicate_keys", "parse_errors", "created_at",
                   "finished_at", "error"},
                  {}};
  auto count = [](const nlohmann::json& summary, const char* name) {
    return summary.is_object() && summary.contains(name) ? summary[name].dump() : std::string();
  };
  auto conn = TRY(db_.Acquire());
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  for (;;) {
    Page<Run> page = TRY(reconciliation::ListRuns(*conn, scope, query));
    for (const auto& r : page.items) {
      table.rows.push_back({std::to_string(r.id), r.spec_name, r.state, r.left.name, r.left.sha256, r.right.name,
                            r.right.sha256, count(r.summary, "matched"), count(r.summary, "mismatched"),
                            count(r.summary, "only_left"), count(r.summary, "only_right"),
                            count(r.summary, "duplicate_keys"), count(r.summary, "parse_errors"), r.created_at,
                            r.finished_at, r.error});
    }
    if (static_cast<int>(page.items.size()) < query.limit) break;
    query.after_key = page.sort_keys.back();
    query.after_id = page.items.back().id;
  }
  return table;
}

}  // namespace concord::reconciliation
