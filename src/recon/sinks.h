// File writers for results (JSON, CSV, XLSX) and the summary's text forms.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "recon/recon.h"

namespace concord::recon {

// One exception as a JSON object on one line (no allocation per field: results can hold millions).
// Invalid UTF-8 in the data is replaced by U+FFFD so that the output is always valid JSON.
void AppendExceptionJson(const Exception& e, const RunInfo& info, std::string* out);
void AppendJsonString(std::string_view text, std::string* out);
// Human-readable lines for a terminal.
std::string SummaryText(const Summary& summary);

// The flat table used by CSV and XLSX: one row per differing field (mismatched, suggested) or one row
// per exception (the other classes).
const std::vector<std::string>& FlatHeader();
std::vector<std::vector<std::string>> FlattenException(const Exception& e, const RunInfo& info);

std::unique_ptr<ResultSink> MakeJsonSink(std::string path, std::string temp_path);
std::unique_ptr<ResultSink> MakeCsvSink(std::string path, std::string temp_path);
std::unique_ptr<ResultSink> MakeXlsxSink(std::string path, std::string temp_path);

}  // namespace concord::recon
