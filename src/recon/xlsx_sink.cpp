// XLSX results: an "Exceptions" sheet with the flat table (continued on further sheets past Excel's
// 1,048,576-row limit) and a "Summary" sheet. libxlsxwriter's constant-memory mode streams rows to
// disk, so a large result does not sit in memory.
#include <xlsxwriter.h>

#include <cstdio>

#include "recon/sinks.h"

namespace concord::recon {
namespace {

constexpr lxw_row_t kMaxRows = 1048576;

class XlsxSink : public ResultSink {
 public:
  XlsxSink(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {}
  ~XlsxSink() override {
    if (workbook_) {
      workbook_close(workbook_);
      std::remove(temp_.c_str());
    }
  }
  Status Begin(const RunInfo& info) override {
    info_ = info;
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    workbook_ = workbook_new_opt(temp_.c_str(), &options);
    if (!workbook_) return Error::Internal("recon.output_failed", path_ + ": cannot create the workbook");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    summary_sheet_ = workbook_add_worksheet(workbook_, "Summary");
    NewSheet();
    return {};
  }
  Status Add(const Exception& e) override {
    for (const auto& row : FlattenException(e, info_)) {
      if (row_ >= kMaxRows) NewSheet();
      for (size_t c = 0; c < row.size(); ++c) {
        worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(c), row[c].c_str(), nullptr);
      }
      ++row_;
    }
    return {};
  }
  Status Finish(const Summary& s) override {
    nlohmann::ordered_json j = SummaryToJson(s);
    lxw_row_t r = 0;
    worksheet_write_string(summary_sheet_, r, 0, "left", bold_);
    worksheet_write_string(summary_sheet_, r++, 1, info_.left_file.c_str(), nullptr);
    worksheet_write_string(summary_sheet_, r, 0, "right", bold_);
    worksheet_write_string(summary_sheet_, r++, 1, info_.right_file.c_str(), nullptr);
    for (auto it = j.begin(); it != j.end(); ++it) {
      worksheet_write_string(summary_sheet_, r, 0, it.key().c_str(), bold_);
      if (it->is_boolean()) {
        worksheet_write_string(summary_sheet_, r++, 1, it->get<bool>() ? "yes" : "no", nullptr);
      } else {
        worksheet_write_number(summary_sheet_, r++, 1, static_cast<double>(it->get<uint64_t>()), nullptr);
      }
    }
    lxw_error err = workbook_close(workbook_);
    workbook_ = nullptr;
    if (err != LXW_NO_ERROR) {
      std::remove(temp_.c_str());
      return Error::Internal("recon.output_failed", path_ + ": " + lxw_strerror(err));
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      std::remove(temp_.c_str());
      return Error::Internal("recon.output_failed", path_ + ": cannot write the result file");
    }
    return {};
  }

 private:
  void NewSheet() {
    ++sheets_;
    std::string name = sheets_ == 1 ? "Exceptions" : "Exceptions " + std::to_string(sheets_);
    sheet_ = workbook_add_worksheet(workbook_, name.c_str());
    row_ = 0;
    const auto& header = FlatHeader();
    for (size_t c = 0; c < header.size(); ++c) {
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold_);
    }
    row_ = 1;
  }

  std::string path_, temp_;
  RunInfo info_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* summary_sheet_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
  int sheets_ = 0;
};

}  // namespace

std::unique_ptr<ResultSink> MakeXlsxSink(std::string path, std::string temp) {
  return std::make_unique<XlsxSink>(std::move(path), std::move(temp));
}

}  // namespace concord::recon
