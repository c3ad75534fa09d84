// Input sources: a memory-mapped file (or caller-held text), its header, and a decoder that turns one
// stored record back into field views. Records are kept as RowRefs (hash, bytes, line) and decoded
// again only when they are compared, so reading allocates nothing per field.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "recon/recon.h"

namespace concord::recon {

// A record found in an input: its key hash, its bytes (without line break) and where it starts.
struct RowRef {
  uint64_t hash;
  const char* data;
  uint32_t size;
  uint32_t line;  // 1-based physical line
};
static_assert(sizeof(RowRef) == 24);

// A read-only mapping of a whole file. Move-only.
class MappedFile {
 public:
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  // Tells the kernel the pages of [offset, offset + size) are no longer needed (keeps RSS bounded on
  // a single sequential pass).
  void Release(size_t offset, size_t size) const;

 private:
  MappedFile(void* addr, size_t size) : addr_(addr), size_(size) {}
  void* addr_;
  size_t size_;
};

struct SourceData {
  Side side = Side::kLeft;
  std::string file;  // path, or "<left>"/"<right>" for in-memory text
  InputFormat format = InputFormat::kCsv;
  char delimiter = ',';
  std::string_view bytes;
  std::unique_ptr<MappedFile> mapping;
  std::string owned_text;
  size_t body_begin = 0;      // first byte after the UTF-8 BOM and the header
  uint32_t header_lines = 0;  // line breaks inside and after the header
  std::vector<std::string> columns;
};

// Opens the input and reads its header (CSV: first record; JSON Lines: keys of the first object).
// Errors: recon.input_unreadable, recon.input_empty, recon.header_invalid, all naming the file.
Result<std::unique_ptr<SourceData>> OpenSource(const SourceSpec& spec, const InputSource& input, Side side);

// Turns one record back into its fields in header order. One decoder per thread.
class RecordDecoder {
 public:
  explicit RecordDecoder(const SourceData& source) : source_(source) {}
  // False (with a message) when the record does not parse; CSV rows were validated while reading, so
  // that only happens for JSON Lines.
  bool Decode(std::string_view record, std::vector<std::string_view>* fields, std::string* message);

 private:
  const SourceData& source_;
  std::string scratch_;
  std::vector<std::string> owned_;  // JSON values
};

}  // namespace concord::recon
