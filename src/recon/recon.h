// Reconciliation engine: finds every disagreement between two record sets (a "left" and a "right"
// source) that a TOML spec describes, and reports each as an exception a person can resolve.
//
// Pure C++: no database, no clock. Files come in through Inputs (paths or in-memory text), results go
// out through a ResultSink the caller chooses (JSON, CSV, XLSX writers, or CollectingSink to iterate
// exceptions in memory, which is what the platform uses to turn them into work items).
//
// Thread safety: Reconcile() may run concurrently with other Reconcile() calls; it uses up to
// Options::threads worker threads internally and calls the sink and progress from one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/result.h"

namespace concord::recon {

enum class Side : uint8_t { kLeft, kRight };
enum class InputFormat : uint8_t { kCsv, kJsonLines };

// One step of a column's normalisation, applied in the order written in the spec.
enum class NormalizerKind : uint8_t {
  kTrim,            // strip leading/trailing spaces and tabs
  kCollapseSpaces,  // runs of spaces/tabs become one space
  kCaseFold,        // lower-case ASCII and Latin-1 letters
  kDigitsOnly,      // keep 0-9 only (SSN, phone, tax id)
  kDate,            // parse with date_formats (first that fits) -> ISO 8601 date, compared as a date
  kMoney,           // "$1,234.50", "(12.00)", "12.00-", "1234.5" -> exact decimal, compared as a number
  kNumber,          // plain decimal "-1234.5" -> exact decimal, compared as a number
  kMap,             // value map: exact lookup, unmapped values pass through
};

struct SourceSpec {
  std::string name;  // label used in output ("vms", "ies")
  std::string path;  // resolved against the spec file's folder; may be overridden by Inputs
  InputFormat format = InputFormat::kCsv;
  char delimiter = ',';
  std::vector<std::string> key;  // key column names on this side, paired by position with the other side
};

// How one column pair is normalised and compared.
struct ColumnRule {
  std::string left;   // column name in the left source
  std::string right;  // column name in the right source
  std::vector<NormalizerKind> normalizers;
  std::vector<std::string> date_formats;                    // tokens: YYYY YY MM M DD D MON, literals
  std::vector<std::pair<std::string, std::string>> value_map;  // from -> to
  std::optional<Decimal> absolute_tolerance;  // numbers: |l - r| <= absolute
  std::optional<Decimal> relative_tolerance;  // numbers: |l - r| <= relative × max(|l|, |r|)
  int tolerance_days = 0;                     // dates: |l - r| <= days
};

struct SuggestSpec {
  bool enabled = false;
  std::vector<std::string> on;  // left column names whose normalised values must agree to pair rows
  double min_score = 0.5;       // fraction of compared columns that must agree
};

struct Spec {
  std::string path;  // where the spec came from (for messages)
  SourceSpec left;
  SourceSpec right;
  std::vector<ColumnRule> columns;             // explicit column pairs
  std::vector<NormalizerKind> default_normalizers;  // for columns paired by name only
  bool compare_same_name = true;  // also compare columns with the same name on both sides
  std::vector<std::string> ignore;  // column names never compared (either side)
  SuggestSpec suggest;
};

// Parses and validates a TOML spec. An unknown key or a bad value is refused with an error whose
// field names the key ("columns[2].tolerance"); code "recon.spec_invalid". `path` is used for messages
// and to resolve relative source paths.
Result<Spec> ParseSpec(std::string_view text, std::string_view path);
Result<Spec> LoadSpec(const std::string& path);

// Where the records come from. A path overrides the spec's; `text` (when set) is used instead of any
// file (tests, uploads held in memory).
struct InputSource {
  std::string path;
  std::optional<std::string> text;
};
struct Inputs {
  InputSource left;
  InputSource right;
};

struct Options {
  int threads = 2;
  // When both inputs together exceed this many bytes they are partitioned by key hash into files
  // under temp_dir and joined one partition at a time. 0 means "never spill".
  uint64_t memory_budget = uint64_t{8} << 30;
  std::string temp_dir;  // empty: $TMPDIR or /tmp
};

enum class ExceptionKind : uint8_t {
  kMismatched,   // same key, at least one compared field differs beyond tolerance
  kOnlyLeft,     // key present on the left only
  kOnlyRight,    // key present on the right only
  kDuplicate,    // key present more than once on one side: every row of that key, both sides
  kParseError,   // a record that could not be read (file, line, column, message)
  kSuggested,    // an only-left and an only-right row that look like the same record
};
const char* ExceptionKindName(ExceptionKind kind);

struct RowInfo {
  Side side = Side::kLeft;
  uint64_t line = 0;                // 1-based physical line where the record starts
  std::vector<std::string> values;  // raw values in header order
};

struct FieldDiff {
  std::string left_column;
  std::string right_column;
  std::string left_value;  // raw
  std::string right_value;
  std::string left_normalized;
  std::string right_normalized;
};

struct ParseFailure {
  std::string file;
  uint64_t line = 0;
  uint64_t column = 0;  // 1-based byte column
  std::string message;
};

struct Exception {
  ExceptionKind kind = ExceptionKind::kMismatched;
  std::string key;  // normalised key values joined by '|'
  std::optional<RowInfo> left;
  std::optional<RowInfo> right;
  std::vector<FieldDiff> diffs;        // kMismatched; kSuggested: the fields that differ
  std::optional<ParseFailure> failure;  // kParseError
  double score = 0;                    // kSuggested: fraction of compared columns that agree
};

struct Summary {
  uint64_t left_rows = 0;   // records read (parse failures included)
  uint64_t right_rows = 0;
  uint64_t matched = 0;     // key pairs whose fields all agree
  uint64_t mismatched = 0;  // key pairs with a difference
  uint64_t only_left = 0;
  uint64_t only_right = 0;
  uint64_t duplicate_keys = 0;        // distinct keys with more than one row on some side
  uint64_t duplicate_left_rows = 0;   // rows belonging to those keys
  uint64_t duplicate_right_rows = 0;
  uint64_t parse_errors = 0;
  uint64_t suggested = 0;
  bool spilled = false;  // the partition-to-disk path was used
};

// What the run compares, known before the first exception: header names and compared column pairs.
struct RunInfo {
  std::string left_name;
  std::string right_name;
  std::string left_file;
  std::string right_file;
  std::vector<std::string> left_columns;
  std::vector<std::string> right_columns;
  std::vector<std::pair<std::string, std::string>> compared;  // left column, right column
};

// Receives the results of one run: Begin once, Add per exception, Finish once with the counts.
// Exceptions arrive grouped by key-hash partition (deterministic for given inputs and spec, not in
// file order). A non-OK status stops the run and is returned by Reconcile.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual Status Begin(const RunInfo& info) = 0;
  virtual Status Add(const Exception& exception) = 0;
  virtual Status Finish(const Summary& summary) = 0;
};

// Keeps everything in memory: for tests and for callers that store exceptions as work items.
class CollectingSink : public ResultSink {
 public:
  Status Begin(const RunInfo& info) override;
  Status Add(const Exception& exception) override;
  Status Finish(const Summary& summary) override;
  const RunInfo& info() const { return info_; }
  const std::vector<Exception>& exceptions() const { return exceptions_; }
  const Summary& summary() const { return summary_; }

 private:
  RunInfo info_;
  std::vector<Exception> exceptions_;
  Summary summary_;
};

// The counts as JSON, in the order the result files write them (the platform stores them with a run).
nlohmann::ordered_json SummaryToJson(const Summary& summary);

// Writes results to `path`; the format follows the extension (.json, .csv, .xlsx). The file appears
// only when Finish succeeds (written to a temporary name, then renamed), so a failed run leaves nothing.
Result<std::unique_ptr<ResultSink>> OpenFileSink(const std::string& path);

// Progress callback, called from one thread at a time. `phase` is "read", "join" or "suggest".
class Progress {
 public:
  virtual ~Progress() = default;
  virtual void Update(std::string_view phase, uint64_t done, uint64_t total) = 0;
};

// Runs one reconciliation. Errors (code "recon.*", kind kInvalid) when the spec does not fit the inputs:
// a file missing or unreadable, a key or mapped column absent from a header (field names file, line 1,
// column). Records that fail to parse are not errors: they are reported as kParseError exceptions.
Result<Summary> Reconcile(const Spec& spec, const Inputs& inputs, ResultSink& sink,
                          Progress* progress = nullptr, const Options& options = {});

}  // namespace concord::recon
