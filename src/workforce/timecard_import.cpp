#include "workforce/timecard_import.h"

#include <array>
#include <set>

#include "core/date.h"
#include "core/decimal.h"
#include "io/csv.h"
#include "workforce/timecard.h"
#include "workforce/vms_mapping.h"

namespace concord::workforce {
namespace {

const std::set<std::string> kImportFields = {"work_order", "date", "rate_category", "hours", "status"};

// Column names per VMS for time: Fieldglass time sheets carry "Rate Category/UOM" (reference notes §1);
// Beeline and VNDLY name the work order as in their PSR exports. "other" uses the field names themselves.
const std::map<std::string, std::map<std::string, std::string>>& Defaults() {
  static const std::map<std::string, std::map<std::string, std::string>> defaults = {
      {"fieldglass",
       {{"Work Order ID", "work_order"}, {"Time Entry Date", "date"}, {"Rate Category/UOM", "rate_category"},
        {"Hours", "hours"}, {"Time Sheet Status", "status"}}},
      {"beeline",
       {{"Assignment ID", "work_order"}, {"Work Date", "date"}, {"Pay Code", "rate_category"}, {"Hours", "hours"},
        {"Timesheet Status", "status"}}},
      {"vndly",
       {{"Work Order ID", "work_order"}, {"Date", "date"}, {"Hour Type", "rate_category"}, {"Hours", "hours"},
        {"Status", "status"}}},
  };
  return defaults;
}

std::string Where(const std::string& file, int line, size_t column, const std::string& header) {
  return file + ", line " + std::to_string(line) + ", column " + std::to_string(column + 1) + " (" + header + ")";
}

}  // namespace

std::map<std::string, std::string> TimecardFieldMapping(const std::string& vms, const nlohmann::json& overrides) {
  std::map<std::string, std::string> out;
  if (auto it = Defaults().find(vms); it != Defaults().end()) {
    for (const auto& [header, field] : it->second) out[VmsHeaderKey(header)] = field;
  } else {
    for (const auto& field : kImportFields) out[field] = field;
  }
  if (overrides.is_object()) {
    for (const auto& [header, field] : overrides.items()) {
      if (field.is_string() && kImportFields.contains(field.get<std::string>())) out[VmsHeaderKey(header)] = field;
    }
  }
  return out;
}

std::optional<std::string> NormaliseRateCategory(const std::string& text) {
  std::string key = VmsHeaderKey(text);
  if (const auto slash = key.find('/'); slash != std::string::npos) key = key.substr(0, slash);  // "ST/Hr"
  if (key == "st" || key == "reg" || key == "regular" || key == "straight time") return "regular";
  if (key == "ot" || key == "overtime") return "overtime";
  if (key == "dt" || key == "double time" || key == "doubletime") return "double_time";
  return std::nullopt;
}

std::optional<std::string> NormaliseSheetStatus(const std::string& text) {
  const std::string key = VmsHeaderKey(text);
  if (key == "saved" || key == "draft" || key == "not started") return "draft";
  if (key == "submitted") return "submitted";
  if (key == "approved") return "approved";
  return std::nullopt;
}

Result<std::vector<ImportedWeek>> ParseTimecardExport(const std::string& csv, const std::string& file_name,
                                                      const std::map<std::string, std::string>& mapping) {
  const auto records = TRY(io::ParseCsv(csv, file_name));
  if (records.empty()) {
    return Error::Invalid("timecard_import.invalid", file_name + " is empty.",
                          {{file_name + ", line 1", "timecard_import.empty", "The file has no header row."}});
  }
  const auto& header = records.front().fields;
  std::map<std::string, size_t> column;  // field → column index
  for (size_t i = 0; i < header.size(); ++i) {
    if (auto it = mapping.find(VmsHeaderKey(header[i])); it != mapping.end()) column.emplace(it->second, i);
  }
  std::vector<FieldError> errors;
  for (const std::string field : {"work_order", "date", "hours"}) {
    if (column.contains(field)) continue;
    std::string expected = field;
    for (const auto& [h, f] : mapping)
      if (f == field) expected = h;
    errors.push_back({file_name + ", line 1", "timecard_import.column_missing",
                      "The header needs the " + field + " column (\"" + expected + "\")."});
  }
  if (!errors.empty()) {
    return Error::Invalid("timecard_import.invalid", file_name + " lacks required columns.", std::move(errors));
  }

  std::vector<ImportedWeek> weeks;
  std::map<std::pair<std::string, std::string>, size_t> week_index;  // (work order, Monday) → weeks[i]
  std::set<std::tuple<std::string, std::string, std::string>> seen;  // work order, date, category
  const auto blank_week = [] {
    nlohmann::json hours = nlohmann::json::object();
    for (const char* type : kHourTypes) hours[type] = nlohmann::json::array({"0", "0", "0", "0", "0", "0", "0"});
    return hours;
  };
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& record = records[r];
    const auto cell = [&](const std::string& field) -> std::string {
      auto it = column.find(field);
      return it == column.end() || it->second >= record.fields.size() ? "" : TrimVmsCell(record.fields[it->second]);
    };
    const auto where = [&](const std::string& field) {
      return Where(file_name, record.line, column.at(field), header[column.at(field)]);
    };
    const size_t before = errors.size();
    const std::string work_order = cell("work_order");
    if (work_order.empty()) errors.push_back({where("work_order"), "timecard_import.key_missing", "No work-order id."});
    const auto date_text = NormaliseVmsDate(cell("date"));
    if (!date_text) {
      errors.push_back({where("date"), "timecard_import.bad_date",
                        "'" + cell("date") + "' is not a date (MM/DD/YYYY or YYYY-MM-DD)."});
    }
    std::string category = "regular";
    if (column.contains("rate_category") && !cell("rate_category").empty()) {
      if (auto c = NormaliseRateCategory(cell("rate_category"))) {
        category = *c;
      } else {
        errors.push_back({where("rate_category"), "timecard_import.bad_rate_category",
                          "'" + cell("rate_category") + "' is not a rate category (ST, OT, DT)."});
      }
    }
    auto hours = Decimal::Parse(cell("hours"));
    if (!hours.ok() || *hours < Decimal::FromInt(0) || *hours > Decimal::FromInt(24) ||
        hours->scale() > 2) {
      errors.push_back({where("hours"), "timecard_import.bad_hours",
                        "'" + cell("hours") + "' is not a number of hours (0 to 24, at most two decimals)."});
    }
    std::string status = "submitted";
    if (column.contains("status") && !cell("status").empty()) {
      if (auto s = NormaliseSheetStatus(cell("status"))) {
        status = *s;
      } else {
        errors.push_back({where("status"), "timecard_import.bad_status",
                          "'" + cell("status") + "' is not a time sheet status (Saved, Submitted, Approved)."});
      }
    }
    if (errors.size() != before) continue;
    const Date day = Date::Parse(*date_text).value();
    const Date monday = WeekStart(day);
    if (!seen.insert({work_order, *date_text, category}).second) {
      errors.push_back({file_name + ", line " + std::to_string(record.line), "timecard_import.duplicate",
                        "Work order " + work_order + " has " + category + " hours on " + *date_text + " twice."});
      continue;
    }
    auto [it, created] = week_index.emplace(std::make_pair(work_order, monday.ToString()), weeks.size());
    if (created) weeks.push_back({work_order, monday.ToString(), blank_week(), status, record.line});
    ImportedWeek& week = weeks[it->second];
    if (week.status != status) {
      errors.push_back({where("status"), "timecard_import.mixed_status",
                        "Work order " + work_order + "'s week of " + week.week_start + " is " + week.status +
                            " on line " + std::to_string(week.first_line) + "."});
      continue;
    }
    week.hours[category][DaysBetween(monday, day)] = hours->ToString();
  }
  if (!errors.empty()) {
    return Error::Invalid("timecard_import.invalid",
                          file_name + " has " + std::to_string(errors.size()) + " problem(s); nothing was imported.",
                          std::move(errors));
  }
  return weeks;
}

}  // namespace concord::workforce
