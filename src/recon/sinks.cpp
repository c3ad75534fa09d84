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

void AppendRowJson(const RowInfo& row, const std::vector<std::string>& columns, bool raw_record, std::string* out) {
  out->append("{\"line\":").append(std::to_string(row.line));
  if (raw_record) {
    if (!row.values.empty()) {
      out->append(",\"record\":");
      AppendJsonString(row.values[0], out);
    }
  } else if (!row.values.empty()) {
    out->append(",\"values\":{");
    for (size_t i = 0; i < row.values.size() && i < columns.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(columns[i], out);
      out->push_back(':');
      AppendJsonString(row.values[i], out);
    }
    out->push_back('}');
  }
  out->push_back('}');
}

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
size_t Utf8Length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

Status RenameInto(const std::string& temp, const std::string& path) {
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return Error::Internal("recon.output_failed", path + ": cannot write the result file");
  }
  return {};
}

// The lifecycle both file sinks share: write to a temporary name, rename into place only when the run
// finished, remove the temporary file otherwise (a failed run leaves nothing behind).
class TempFileSink : public ResultSink {
 public:
  TempFileSink(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {}
  ~TempFileSink() override {
    if (!finished_) {
      out_.close();
      std::remove(temp_.c_str());
    }
  }

 protected:
  Status Open(const RunInfo& info) {
    info_ = info;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": cannot open for writing");
    return {};
  }
  Status Written() const {
    return out_ ? Status() : Error::Internal("recon.output_failed", path_ + ": write failed");
  }
  Status Close() {
    out_.close();
    if (!out_) return Error::Internal("recon.output_failed", path_ + ": write failed");
    finished_ = true;
    return RenameInto(temp_, path_);
  }
  std::ofstream out_;
  RunInfo info_;

 private:
  std::string path_, temp_;
  bool finished_ = false;
};

class JsonSink : public TempFileSink {
 public:
  using TempFileSink::TempFileSink;
  Status Begin(const RunInfo& info) override {
    TRY(Open(info));
    nlohmann::ordered_json run;
    run["left"] = {{"name", info.left_name}, {"file", info.left_file}, {"columns", info.left_columns}};
    run["right"] = {{"name", info.right_name}, {"file", info.right_file}, {"columns", info.right_columns}};
    nlohmann::ordered_json compared = nlohmann::ordered_json::array();
    for (const auto& [l, r] : info.compared) compared.push_back({{"left", l}, {"right", r}});
    run["compared"] = std::move(compared);
    // The summary comes last so that exceptions can be streamed out as they are found.
    out_ << "{\"run\":" << run.dump() << ",\n\"exceptions\":[";
    return {};
  }
  Status Add(const Exception& e) override {
    line_.assign(first_ ? "\n" : ",\n");
    AppendExceptionJson(e, info_, &line_);
    out_ << line_;
    first_ = false;
    return Written();
  }
  Status Finish(const Summary& s) override {
    out_ << "\n],\n\"summary\":" << SummaryToJson(s).dump() << "}\n";
    return Close();
  }

 private:
  std::string line_;
  bool first_ = true;
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

class CsvSink : public TempFileSink {
 public:
  using TempFileSink::TempFileSink;
  Status Begin(const RunInfo& info) override {
    TRY(Open(info));
    WriteRow(FlatHeader());
    return {};
  }
  Status Add(const Exception& e) override {
    for (const auto& row : FlattenException(e, info_)) WriteRow(row);
    return Written();
  }
  Status Finish(const Summary&) override { return Close(); }

 private:
  void WriteRow(const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out_ << ',';
      WriteCsvField(out_, row[i]);
    }
    out_ << "\r\n";  // RFC 4180 line break
  }
};

}  // namespace

nlohmann::ordered_json SummaryToJson(const Summary& s) {
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

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t n = Utf8Length(text, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8 (e.g. a Latin-1 file)
        ++i;
      } else {
        out->append(text.substr(i, n));
        i += n;
      }
      continue;
    }
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      switch (c) {
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
      }
    } else {
      out->push_back(static_cast<char>(c));
    }
    ++i;
  }
  out->push_back('"');
}

void AppendExceptionJson(const Exception& e, const RunInfo& info, std::string* out) {
  out->append("{\"class\":\"").append(ExceptionKindName(e.kind)).push_back('"');
  if (!e.key.empty()) {
    out->append(",\"key\":");
    AppendJsonString(e.key, out);
  }
  const bool raw = e.kind == ExceptionKind::kParseError;
  if (e.left) {
    out->append(",\"left\":");
    AppendRowJson(*e.left, info.left_columns, raw, out);
  }
  if (e.right) {
    out->append(",\"right\":");
    AppendRowJson(*e.right, info.right_columns, raw, out);
  }
  if (!e.diffs.empty()) {
    out->append(",\"diffs\":[");
    for (size_t i = 0; i < e.diffs.size(); ++i) {
      const FieldDiff& d = e.diffs[i];
      out->append(i > 0 ? ",{\"left_column\":" : "{\"left_column\":");
      AppendJsonString(d.left_column, out);
      out->append(",\"right_column\":");
      AppendJsonString(d.right_column, out);
      out->append(",\"left\":");
      AppendJsonString(d.left_value, out);
      out->append(",\"right\":");
      AppendJsonString(d.right_value, out);
      out->append(",\"left_normalized\":");
      AppendJsonString(d.left_normalized, out);
      out->append(",\"right_normalized\":");
      AppendJsonString(d.right_normalized, out);
      out->push_back('}');
    }
    out->push_back(']');
  }
  if (e.failure) {
    out->append(",\"error\":{\"file\":");
    AppendJsonString(e.failure->file, out);
    out->append(",\"line\":").append(std::to_string(e.failure->line));
    out->append(",\"column\":").append(std::to_string(e.failure->column));
    out->append(",\"message\":");
    AppendJsonString(e.failure->message, out);
    out->push_back('}');
  }
  if (e.kind == ExceptionKind::kSuggested) {
    char score[32];
    std::snprintf(score, sizeof(score), ",\"score\":%.4g", e.score);
    out->append(score);
  }
  out->push_back('}');
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
