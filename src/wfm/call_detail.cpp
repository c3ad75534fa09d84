#include "wfm/call_detail.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "io/csv.h"

namespace concord::wfm {
namespace {

const std::vector<std::string> kRequired = {"call_id", "queue", "arrived_at", "outcome", "handle_s"};
const std::vector<std::string> kKnown = {"call_id", "queue", "arrived_at", "outcome", "handle_s", "wait_s"};

std::string Trim(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::optional<int64_t> Seconds(const std::string& text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 86400) return std::nullopt;
  return value;
}

}  // namespace

Result<CsvColumns> ReadCsvHeader(const std::vector<std::string>& header, const std::string& file_name,
                                 const std::vector<std::string>& known, const std::vector<std::string>& required) {
  CsvColumns column;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Lower(Trim(header[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) continue;
    if (!column.emplace(name, i).second) {
      errors.push_back({file_name + ", line 1, column " + std::to_string(i + 1) + " (" + name + ")",
                        "import.duplicate_column", "The column \"" + name + "\" appears twice."});
    }
  }
  for (const auto& name : required) {
    if (!column.count(name)) {
      errors.push_back({file_name + ", line 1", "import.missing_column", "The required column " + name + " is missing."});
    }
  }
  if (!errors.empty()) return Error::Invalid("import.invalid", file_name + ": the header is not valid.", errors);
  return column;
}

std::string CellPlace(const std::string& file_name, int line, const CsvColumns& columns, const std::string& name) {
  return file_name + ", line " + std::to_string(line) + ", column " + std::to_string(columns.at(name) + 1) + " (" +
         name + ")";
}

bool ValidQueueKey(std::string_view key) {
  if (key.empty() || key.size() > 40) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

Result<std::vector<CallDetail>> ParseCallDetail(std::string_view csv, std::string_view file_name_view) {
  const std::string file_name(file_name_view);
  const auto records = TRY(io::ParseCsv(csv, file_name));
  if (records.empty()) {
    return Error::Invalid("import.empty", file_name + " has no header row.",
                          {{file_name + ", line 1", "import.empty", "The file is empty."}});
  }
  const auto& header = records.front();
  const CsvColumns column = TRY(ReadCsvHeader(header.fields, file_name, kKnown, kRequired));
  std::vector<FieldError> errors;

  std::vector<CallDetail> out;
  out.reserve(records.size() - 1);
  std::map<std::pair<std::string, std::string>, int> seen;  // (queue, call_id) → line
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    auto where = [&](const std::string& name) { return CellPlace(file_name, rec.line, column, name); };
    if (rec.fields.size() != header.fields.size()) {
      errors.push_back({file_name + ", line " + std::to_string(rec.line), "import.field_count",
                        "Expected " + std::to_string(header.fields.size()) + " fields, found " +
                            std::to_string(rec.fields.size()) + "."});
      continue;
    }
    auto get = [&](const std::string& name) { return column.count(name) ? Trim(rec.fields[column.at(name)]) : ""; };
    CallDetail call;
    call.line = rec.line;
    call.call_id = get("call_id");
    if (call.call_id.empty() || call.call_id.size() > 100) {
      errors.push_back({where("call_id"), "import.call_id_invalid", "Give the call's id (1 to 100 characters)."});
    }
    call.queue = Lower(get("queue"));
    if (!ValidQueueKey(call.queue)) {
      errors.push_back({where("queue"), "import.queue_invalid",
                        "\"" + get("queue") + "\" is not a queue key (letters, digits, - or _, at most 40)."});
    }
    if (auto arrived = Instant::Parse(get("arrived_at"))) {
      call.arrived = *arrived;
    } else {
      errors.push_back({where("arrived_at"), "import.arrived_at_invalid",
                        "\"" + get("arrived_at") + "\" is not an RFC 3339 time such as 2026-03-02T09:05:00-05:00."});
    }
    const std::string outcome = Lower(get("outcome"));
    if (outcome == "answered" || outcome == "abandoned") {
      call.answered = outcome == "answered";
    } else {
      errors.push_back({where("outcome"), "import.outcome_invalid",
                        "\"" + get("outcome") + "\" is not an outcome: write answered or abandoned."});
    }
    if (auto handle = Seconds(get("handle_s"))) {
      call.handle_s = *handle;
    } else {
      errors.push_back({where("handle_s"), "import.seconds_invalid",
                        "\"" + get("handle_s") + "\" is not a whole number of seconds from 0 to 86400."});
    }
    if (column.count("wait_s") && !get("wait_s").empty()) {
      if (auto wait = Seconds(get("wait_s"))) {
        call.wait_s = *wait;
      } else {
        errors.push_back({where("wait_s"), "import.seconds_invalid",
                          "\"" + get("wait_s") + "\" is not a whole number of seconds from 0 to 86400."});
      }
    }
    if (!call.call_id.empty()) {
      auto [it, fresh] = seen.emplace(std::pair{call.queue, call.call_id}, rec.line);
      if (!fresh) {
        errors.push_back({where("call_id"), "import.duplicate_call",
                          "The same call is on line " + std::to_string(it->second) + "."});
      }
    }
    out.push_back(std::move(call));
  }
  if (!errors.empty()) {
    return Error::Invalid("import.invalid",
                          file_name + " has " + std::to_string(errors.size()) + " error(s); nothing was imported.",
                          std::move(errors));
  }
  return out;
}

}  // namespace concord::wfm
