#include "recon/sinks.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace concord::recon {
namespace {

std::string RecordText(const RowInfo& row, const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < row.values.size(); ++i) {
    if (i > 0) out += " | ";
    if (i < columns.size() && row.values.size() == columns.size()) out += columns[i] + "=";
    out += row.values[i];
  }
  return out;
}

nlohmann::json RowToJson(const RowInfo& row, const std::vector<std::string>& columns, bool raw_record) {
  nlohmann::json j;
  j["line"] = row.line;
  if (raw_record) {
    if (!row.values.empty()) j["record"] = row.values[0];
  } else if (!row.values.empty()) {
    nlohmann::json values = nlohmann::json::object();
    for (size_t i = 0; i < row.values.size() && i < columns.size(); ++i) values[columns[i]] = row.values[i];
    j["values"] = std::move(values);
  }
  return j;
}

Status RenameInto(const std::string& temp, const std::string& path) {
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return Error::Internal("recon.output_failed", path + ": cannot write the result file");
  }
  return {};
}

class JsonSink : public ResultSink {
 public:
  JsonSink(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {}
  ~JsonSink() override {
    if (!finished_) {
      out_.close();
      std::remove(temp_.c_str());
    }
  }
  Status Begin(const RunInfo& info) override {
    info_ = info;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": cannot open for writing");
    nlohmann::json run;
    run["left"] = {{"name", info.left_name}, {"file", info.left_file}, {"columns", info.left_columns}};
    run["right"] = {{"name", info.right_name}, {"file", info.right_file}, {"columns", info.right_columns}};
    nlohmann::json compared = nlohmann::json::array();
    for (const auto& [l, r] : info.compared) compared.push_back({{"left", l}, {"right", r}});
    run["compared"] = std::move(compared);
    // The summary comes last so that exceptions can be streamed out as they are found.
    out_ << "{\"run\":" << run.dump() << ",\n\"exceptions\":[";
    return {};
  }
  Status Add(const Exception& e) override {
    out_ << (first_ ? "\n" : ",\n") << ExceptionToJson(e, info_).dump(-1, ' ', false,
                                                                    nlohmann::json::error_handler_t::replace);
    first_ = false;
    return out_ ? Status() : Error::Internal("recon.output_failed", path_ + ": write failed");
  }
  Status Finish(const Summary& s) override {
    out_ << "\n],\n\"summary\":" << SummaryToJson(s).dump() << "}\n";
    out_.close();
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": write failed");
    finished_ = true;
    return RenameInto(temp_, path_);
  }

 private:
  std::string path_, temp_;
  std::ofstream out_;
  RunInfo info_;
  bool first_ = true;
  bool finished_ = false;
};

void WriteCsvField(std::ostream& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class CsvSink : public ResultSink {
 public:
  CsvSink(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {}
  ~CsvSink() override {
    if (!finished_) {
      out_.close();
      std::remove(temp_.c_str());
    }
  }
  Status Begin(const RunInfo& info) override {
    info_ = info;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": cannot open for writing");
    WriteRow(FlatHeader());
    return {};
  }
  Status Add(const Exception& e) override {
    for (const auto& row : FlattenException(e, info_)) WriteRow(row);
    return out_ ? Status() : Error::Internal("recon.output_failed", path_ + ": write failed");
  }
  Status Finish(const Summary&) override {
    out_.close();
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": write failed");
    finished_ = true;
    return RenameInto(temp_, path_);
  }

 private:
  void WriteRow(const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out_ << ',';
      WriteCsvField(out_, row[i]);
    }
    out_ << "\r\n";  // RFC 4180 line break
  }
  std::string path_, temp_;
  std::ofstream out_;
  RunInfo info_;
  bool finished_ = false;
};

}  // namespace

nlohmann::json SummaryToJson(const Summary& s) {
  return {{"left_rows", s.left_rows},
          {"right_rows", s.right_rows},
          {"matched", s.matched},
          {"mismatched", s.mismatched},
          {"only_left", s.only_left},
          {"only_right", s.only_right},
          {"duplicate_keys", s.duplicate_keys},
          {"duplicate_left_rows", s.duplicate_left_rows},
          {"duplicate_right_rows", s.duplicate_right_rows},
          {"parse_errors", s.parse_errors},
          {"suggested", s.suggested},
          {"spilled", s.spilled}};
}

std::string SummaryText(const Summary& s) {
  std::ostringstream o;
  o << "left rows:       " << s.left_rows << "\n"
    << "right rows:      " << s.right_rows << "\n"
    << "matched:         " << s.matched << "\n"
    << "mismatched:      " << s.mismatched << "\n"
    << "only left:       " << s.only_left << "\n"
    << "only right:      " << s.only_right << "\n"
    << "duplicate keys:  " << s.duplicate_keys << " (" << s.duplicate_left_rows << " left rows, "
    << s.duplicate_right_rows << " right rows)\n"
    << "parse errors:    " << s.parse_errors << "\n";
  if (s.suggested > 0) o << "suggested pairs: " << s.suggested << "\n";
  return o.str();
}

nlohmann::json ExceptionToJson(const Exception& e, const RunInfo& info) {
  nlohmann::json j;
  j["class"] = ExceptionKindName(e.kind);
  if (!e.key.empty()) j["key"] = e.key;
  const bool raw = e.kind == ExceptionKind::kParseError;
  if (e.left) j["left"] = RowToJson(*e.left, info.left_columns, raw);
  if (e.right) j["right"] = RowToJson(*e.right, info.right_columns, raw);
  if (!e.diffs.empty()) {
    nlohmann::json diffs = nlohmann::json::array();
    for (const FieldDiff& d : e.diffs) {
      diffs.push_back({{"left_column", d.left_column},
                       {"right_column", d.right_column},
                       {"left", d.left_value},
                       {"right", d.right_value},
                       {"left_normalized", d.left_normalized},
                       {"right_normalized", d.right_normalized}});
    }
    j["diffs"] = std::move(diffs);
  }
  if (e.failure) {
    j["error"] = {{"file", e.failure->file},
                  {"line", e.failure->line},
                  {"column", e.failure->column},
                  {"message", e.failure->message}};
  }
  if (e.kind == ExceptionKind::kSuggested) j["score"] = e.score;
  return j;
}

const std::vector<std::string>& FlatHeader() {
  static const std::vector<std::string> header = {
      "class",           "key",   "left_line",       "right_line",       "left_column", "right_column",
      "left_value",      "right_value", "left_normalized", "right_normalized", "message"};
  return header;
}

std::vector<std::vector<std::string>> FlattenException(const Exception& e, const RunInfo& info) {
  std::vector<std::vector<std::string>> rows;
  std::string left_line = e.left ? std::to_string(e.left->line) : "";
  std::string right_line = e.right ? std::to_string(e.right->line) : "";
  std::string kind = ExceptionKindName(e.kind);
  if (!e.diffs.empty()) {
    std::string message;
    if (e.kind == ExceptionKind::kSuggested) {
      char score[32];
      std::snprintf(score, sizeof(score), "score %.2f", e.score);
      message = score;
    }
    for (const FieldDiff& d : e.diffs) {
      rows.push_back({kind, e.key, left_line, right_line, d.left_column, d.right_column, d.left_value, d.right_value,
                      d.left_normalized, d.right_normalized, message});
    }
    return rows;
  }
  std::string message;
  if (e.failure) {
    message = e.failure->file + ":" + std::to_string(e.failure->line) + ":" + std::to_string(e.failure->column) +
              ": " + e.failure->message;
  } else if (e.left) {
    message = RecordText(*e.left, info.left_columns);
  } else if (e.right) {
    message = RecordText(*e.right, info.right_columns);
  }
  rows.push_back({kind, e.key, left_line, right_line, "", "", "", "", "", "", message});
  return rows;
}

std::unique_ptr<ResultSink> MakeJsonSink(std::string path, std::string temp) {
  return std::make_unique<JsonSink>(std::move(path), std::move(temp));
}
std::unique_ptr<ResultSink> MakeCsvSink(std::string path, std::string temp) {
  return std::make_unique<CsvSink>(std::move(path), std::move(temp));
}

Result<std::unique_ptr<ResultSink>> OpenFileSink(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  if (ends_with(".json")) return MakeJsonSink(path, temp);
  if (ends_with(".csv")) return MakeCsvSink(path, temp);
  if (ends_with(".xlsx")) return MakeXlsxSink(path, temp);
  return Error::Invalid("recon.output_format", path + ": the output must end in .json, .csv or .xlsx",
                        {{"out", "recon.output_format", "use .json, .csv or .xlsx"}});
}

}  // namespace concord::recon
