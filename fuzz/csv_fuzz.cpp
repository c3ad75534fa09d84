// libFuzzer target for the CSV reader: the bulk scanner, the scalar parser and the splitter must
// never crash or read out of bounds, and must agree on every record the scanner accepts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recon/csv.h"

namespace {

using concord::recon::ChunkRow;
using concord::recon::ChunkScan;
using concord::recon::ChunkVisitor;

class Check : public ChunkVisitor {
 public:
  Check(std::string_view data, char delim, size_t fields) : data_(data), delim_(delim), fields_(fields) {}
  void Row(const ChunkRow& row, const std::vector<std::string_view>& fields) override {
    if (row.end < row.begin || row.end > data_.size() || fields.size() != fields_) __builtin_trap();
    // An accepted record must split the same way when read again.
    std::vector<std::string_view> again, parsed;
    std::string scratch, scratch2;
    std::string_view record = data_.substr(row.begin, row.end - row.begin);
    concord::recon::SplitValidated(record, delim_, &again, &scratch);
    if (again.size() != fields_) __builtin_trap();
    concord::recon::RecordParse r = concord::recon::ParseRecord(record, 0, delim_, &parsed, &scratch2);
    if (!r.ok || parsed.size() != fields_) __builtin_trap();
    for (size_t i = 0; i < fields_; ++i) {
      if (again[i] != parsed[i] || fields[i] != parsed[i]) __builtin_trap();
    }
  }
  void Failure(uint32_t, uint64_t column, const char*, size_t begin, size_t end) override {
    if (column == 0 || begin > end || end > data_.size()) __builtin_trap();
  }

 private:
  std::string_view data_;
  char delim_;
  size_t fields_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 2) return 0;
  const char delims[] = {',', ';', '\t', '|'};
  const char delim = delims[bytes[0] & 3];
  const size_t fields = 1 + (bytes[0] >> 2) % 6;
  const size_t split = bytes[1];
  std::string_view data(reinterpret_cast<const char*>(bytes) + 2, size - 2);

  // Scalar parser over the whole input.
  std::vector<std::string_view> out;
  std::string scratch;
  for (size_t pos = 0; pos < data.size();) {
    concord::recon::RecordParse r = concord::recon::ParseRecord(data, pos, delim, &out, &scratch);
    if (r.next <= pos || r.next > data.size()) __builtin_trap();
    pos = r.next;
  }

  // Bulk scanner: once whole, once cut in two at a point chosen by the input, with the quote parity.
  Check whole(data, delim, fields);
  std::vector<bool> wanted(fields, true);
  concord::recon::IndexChunk(data, ChunkScan{0, data.size() + 1, false, false, fields, wanted, delim}, whole);
  if (split > 0 && split < data.size()) {
    bool odd = concord::recon::CountQuotes(data.data(), split - 1) & 1;
    Check a(data, delim, fields), b(data, delim, fields);
    concord::recon::IndexChunk(data, ChunkScan{0, split, false, false, fields, wanted, delim}, a);
    concord::recon::IndexChunk(data, ChunkScan{split - 1, data.size() + 1, odd, true, fields, wanted, delim}, b);
  }
  return 0;
}
