#include "workforce/vms_mapping.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/date.h"
#include "io/xlsx_reader.h"
#include "workforce/records.h"

namespace concord::workforce {

std::string VmsHeaderKey(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::string TrimVmsCell(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

namespace {


// Column names per VMS, from the reference notes' field lists (Fieldglass Active Worker Download;
// Beeline assignment/resource objects; VNDLY work orders). "other" uses concord's own field names.
const std::map<std::string, std::map<std::string, std::string>>& Defaults() {
  static const std::map<std::string, std::map<std::string, std::string>> defaults = {
      {"fieldglass",
       {{"Work Order ID", "vms_work_order_id"}, {"First Name", "worker_first_name"}, {"Last Name", "worker_last_name"},
        {"Worker Email", "worker_email"}, {"Job Posting Title", "title"}, {"Work Order Owner", "manager_name"},
        {"Work Order Owner Email", "manager_email"}, {"Site Name", "location"}, {"Site State", "work_state"},
        {"Site Country", "work_country"}, {"Cost Center Code", "cost_centre"}, {"Start Date", "start_date"},
        {"End Date", "end_date"}, {"Pay Rate", "pay_rate"}, {"Bill Rate", "bill_rate"}, {"Currency", "currency"},
        {"Worker Type", "worker_type"}, {"Status", "vms_status"}}},
      {"beeline",
       {{"Assignment ID", "vms_work_order_id"}, {"Resource First Name", "worker_first_name"},
        {"Resource Last Name", "worker_last_name"}, {"Resource Email", "worker_email"}, {"Job Title", "title"},
        {"Hiring Manager", "manager_name"}, {"Hiring Manager Email", "manager_email"}, {"Location", "location"},
        {"Work State", "work_state"}, {"Work Country", "work_country"}, {"Cost Center", "cost_centre"},
        {"Assignment Start Date", "start_date"}, {"Assignment End Date", "end_date"}, {"Pay Rate", "pay_rate"},
        {"Bill Rate", "bill_rate"}, {"Currency", "currency"}, {"Worker Classification", "worker_type"}, {"Assignment Status", "vms_status"}}},
      {"vndly",
       {{"Work Order ID", "vms_work_order_id"}, {"Worker First Name", "worker_first_name"},
        {"Worker Last Name", "worker_last_name"}, {"Worker Email", "worker_email"}, {"Job Title", "title"},
        {"Hiring Manager", "manager_name"}, {"Hiring Manager Email", "manager_email"},
        {"Work Location", "location"}, {"Work State", "work_state"}, {"Work Country", "work_country"},
        {"Charge Code", "cost_centre"}, {"Start Date", "start_date"}, {"End Date", "end_date"},
        {"Pay Rate", "pay_rate"}, {"Bill Rate", "bill_rate"}, {"Currency", "currency"},
        {"Vendor Type", "worker_type"}, {"Work Order Status", "vms_status"}}},
  };
  return defaults;
}

}  // namespace

std::map<std::string, std::string> VmsFieldMapping(const std::string& vms, const nlohmann::json& overrides) {
  std::map<std::string, std::string> out;
  if (auto it = Defaults().find(vms); it != Defaults().end()) {
    for (const auto& [header, field] : it->second) out[VmsHeaderKey(header)] = field;
  } else {
    for (const auto& f : PsrInput()) {
      if (f.name != "programme_id") out[f.name] = f.name;
    }
  }
  if (overrides.is_object()) {
    for (const auto& [header, field] : overrides.items()) {
      if (field.is_string()) out[VmsHeaderKey(header)] = field.get<std::string>();
    }
  }
  return out;
}

std::string VmsHeader(const std::string& vms, const std::string& field) {
  if (auto it = Defaults().find(vms); it != Defaults().end()) {
    for (const auto& [header, mapped] : it->second) {
      if (mapped == field) return header;
    }
  }
  return field;
}

std::optional<std::string> NormaliseVmsDate(const std::string& raw) {
  const std::string text = TrimVmsCell(raw);
  if (auto iso = Date::Parse(text); iso.ok()) return iso->ToString();
  unsigned month = 0, day = 0;
  int year = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%u/%u/%d%c", &month, &day, &year, &tail) != 3 || year < 1900) return std::nullopt;
  auto date = Date::FromYmd(year, month, day);
  if (!date.ok()) return std::nullopt;
  return date->ToString();
}

std::optional<std::string> NormaliseVmsMoney(const std::string& raw) {
  std::string text;
  for (char ch : TrimVmsCell(raw)) {
    if (ch != '$' && ch != ',') text += ch;
  }
  auto money = NormaliseMoney(text);
  if (!money.ok()) return std::nullopt;
  return *money;
}

std::optional<std::string> NormaliseWorkerType(const std::string& raw) {
  const std::string text = VmsHeaderKey(raw);
  if (text == "w2" || text == "w-2" || text == "employee" || text == "w2_employee" || text == "eor") {
    return "w2_employee";
  }
  if (text == "1099" || text == "ic" || text == "independent contractor" || text == "contractor_1099" ||
      text == "aor") {
    return "contractor_1099";
  }
  if (text == "foreign ic" || text == "foreign contractor" || text == "w-8ben" || text == "foreign_contractor") {
    return "foreign_contractor";
  }
  return std::nullopt;
}

Result<std::vector<VmsRow>> ParseVmsExport(const std::string& csv, const std::string& file_name,
                                           const std::map<std::string, std::string>& mapping) {
  // A workbook (zip signature or .xlsx name) is read from its first sheet: "line" becomes the row number
  // and a cell is named as the spreadsheet names it.
  const bool workbook = io::LooksLikeZip(csv) || file_name.ends_with(".xlsx");
  const auto records = TRY(workbook ? io::ReadXlsx(csv, file_name) : io::ParseCsv(csv, file_name));
  auto at_line = [&](int line) { return file_name + (workbook ? ", row " : ", line ") + std::to_string(line); };
  auto at_cell = [&](int line, size_t column) {
    return workbook ? file_name + ", row " + std::to_string(line) + ", cell " + io::XlsxCellName(column, line)
                    : at_line(line) + ", column " + std::to_string(column + 1);
  };
  std::vector<FieldError> errors;
  if (records.empty()) {
    return Error::Invalid("psr_import.invalid", file_name + " is empty.",
                          {{at_line(1), "psr_import.empty", "The file has no header row."}});
  }
  std::vector<std::string> field_of(records.front().fields.size());
  bool has_key = false;
  for (size_t i = 0; i < field_of.size(); ++i) {
    if (auto it = mapping.find(VmsHeaderKey(records.front().fields[i])); it != mapping.end()) field_of[i] = it->second;
    has_key = has_key || field_of[i] == "vms_work_order_id";
  }
  if (!has_key) {
    std::string expected;
    for (const auto& [header, field] : mapping) {
      if (field == "vms_work_order_id") expected = header;
    }
    return Error::Invalid("psr_import.invalid", file_name + " has no work-order id column.",
                          {{at_line(records.front().line), "psr_import.key_column_missing",
                            "The header needs the work-order id column (\"" + expected + "\")."}});
  }
  std::vector<VmsRow> rows;
  std::set<std::string> seen;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& record = records[r];
    VmsRow row{record.line, nlohmann::json::object()};
    for (size_t i = 0; i < field_of.size() && i < record.fields.size(); ++i) {
      if (field_of[i].empty()) continue;
      const std::string& field = field_of[i];
      const std::string value = TrimVmsCell(record.fields[i]);
      const std::string where = at_cell(record.line, i) + " (" + records.front().fields[i] + ")";
      if (value.empty()) continue;
      std::optional<std::string> normal = value;
      std::string problem;
      if (field == "start_date" || field == "end_date") {
        normal = NormaliseVmsDate(value);
        problem = "'" + value + "' is not a date (MM/DD/YYYY or YYYY-MM-DD).";
      } else if (field == "pay_rate" || field == "bill_rate") {
        normal = NormaliseVmsMoney(value);
        problem = "'" + value + "' is not an amount.";
      } else if (field == "worker_type") {
        normal = NormaliseWorkerType(value);
        problem = "'" + value + "' is not a worker type (W2, 1099, Foreign IC).";
      }
      if (!normal) {
        errors.push_back({where, "psr_import.bad_value", problem});
        continue;
      }
      row.psr[field] = *normal;
    }
    const std::string key = row.psr.value("vms_work_order_id", "");
    if (key.empty()) {
      errors.push_back({at_line(record.line), "psr_import.key_missing",
                        "The row has no work-order id."});
    } else if (!seen.insert(key).second) {
      errors.push_back({at_line(record.line), "psr_import.duplicate_key",
                        "Work order " + key + " appears twice in the file."});
    }
    rows.push_back(std::move(row));
  }
  if (!errors.empty()) {
    return Error::Invalid("psr_import.invalid",
                          file_name + " has " + std::to_string(errors.size()) + " problem(s); nothing was imported.",
                          std::move(errors));
  }
  return rows;
}

}  // namespace concord::workforce
