// File writers for results (JSON, CSV, XLSX) and the summary's text forms.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "recon/recon.h"

namespace concord::recon {

nlohmann::json SummaryToJson(const Summary& summary);
nlohmann::json ExceptionToJson(const Exception& e, const RunInfo& info);
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
