#include "recon/input.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "recon/csv.h"

namespace concord::recon {
namespace {

Error InputError(const std::string& code, const std::string& file, uint64_t line, uint64_t column,
                 const std::string& message) {
  std::string where = file + ":" + std::to_string(line) + ":" + std::to_string(column);
  return Error::Invalid(code, where + ": " + message,
                        {{file + ", line " + std::to_string(line) + ", column " + std::to_string(column), code,
                          message}});
}

// Collects the top-level scalar members of one JSON object, keeping numbers as written.
class ObjectCollector : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<std::pair<std::string, std::string>> members;
  std::string error;

  bool null() override { return Value(""); }
  bool boolean(bool v) override { return Value(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return Value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return Value(s); }
  bool string(string_t& v) override { return Value(v); }
  bool binary(binary_t&) override { return Nested(); }
  bool start_object(std::size_t) override { return ++depth_ == 1 ? true : Nested(); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override { return Nested(); }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error = "invalid JSON at byte " + std::to_string(position) + ": " + ex.what();
    return false;
  }

 private:
  bool Value(std::string v) {
    if (depth_ != 1) {
      error = "each line must be one JSON object";
      return false;
    }
    members.emplace_back(key_, std::move(v));
    return true;
  }
  bool Nested() {
    error = "member \"" + key_ + "\" holds an object or array; only scalar values are compared";
    return false;
  }
  int depth_ = 0;
  std::string key_;
};

bool ParseJsonObject(std::string_view text, ObjectCollector* c) {
  return nlohmann::json::sax_parse(text.begin(), text.end(), c, nlohmann::json::input_format_t::json, true) &&
         c->error.empty();
}

}  // namespace

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::Invalid("recon.input_unreadable", path + ": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error::Invalid("recon.input_unreadable", path + ": not a regular file");
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* addr = nullptr;
  if (size > 0) {
    addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (addr == MAP_FAILED) {
      int e = errno;
      ::close(fd);
      return Error::Invalid("recon.input_unreadable", path + ": " + std::strerror(e));
    }
    ::madvise(addr, size, MADV_SEQUENTIAL);
  }
  ::close(fd);
  return std::unique_ptr<MappedFile>(new MappedFile(addr, size));
}

MappedFile::~MappedFile() {
  if (addr_ != nullptr) ::munmap(addr_, size_);
}

void MappedFile::Release(size_t offset, size_t size) const {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t begin = (offset + page - 1) / page * page;
  size_t end = (offset + size) / page * page;
  if (end > begin) ::madvise(static_cast<char*>(addr_) + begin, end - begin, MADV_DONTNEED);
}

Result<std::unique_ptr<SourceData>> OpenSource(const SourceSpec& spec, const InputSource& input, Side side) {
  auto src = std::make_unique<SourceData>();
  src->side = side;
  src->format = spec.format;
  src->delimiter = spec.delimiter;
  const std::string path = input.path.empty() ? spec.path : input.path;
  if (input.text) {
    src->file = path.empty() ? (side == Side::kLeft ? "<left>" : "<right>") : path;
    src->owned_text = *input.text;
    src->bytes = src->owned_text;
  } else {
    if (path.empty()) {
      return Error::Invalid("recon.input_missing",
                            std::string("no file given for the ") + (side == Side::kLeft ? "left" : "right") +
                                " source (spec path or --" + (side == Side::kLeft ? "left" : "right") + ")");
    }
    src->file = path;
    src->mapping = TRY(MappedFile::Open(path));
    src->bytes = src->mapping->data();
  }
  std::string_view d = src->bytes;
  size_t pos = 0;
  if (d.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos < d.size() && (d[pos] == '\n' || (d[pos] == '\r' && pos + 1 < d.size() && d[pos + 1] == '\n'))) {
    pos += d[pos] == '\r' ? 2 : 1;
    ++src->header_lines;
  }
  if (pos >= d.size()) return InputError("recon.input_empty", src->file, 1, 1, "the file is empty (no header line)");
  if (src->format == InputFormat::kCsv) {
    std::vector<std::string_view> fields;
    std::string scratch;
    RecordParse r = ParseRecord(d, pos, src->delimiter, &fields, &scratch);
    if (!r.ok) {
      return InputError("recon.header_invalid", src->file, 1 + src->header_lines, r.error_pos - pos + 1, r.message);
    }
    for (std::string_view f : fields) src->columns.emplace_back(f);
    src->header_lines += r.newlines;
    src->body_begin = r.next;
  } else {
    size_t end = d.find('\n', pos);
    std::string_view line = d.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ObjectCollector c;
    if (!ParseJsonObject(line, &c)) {
      return InputError("recon.header_invalid", src->file, 1 + src->header_lines, 1, c.error);
    }
    for (auto& [k, v] : c.members) src->columns.push_back(k);
    src->body_begin = pos;  // the first object is a record too
  }
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t i = 0; i < src->columns.size(); ++i) {
    if (!seen.emplace(src->columns[i], i).second) {
      return InputError("recon.header_invalid", src->file, 1, 1,
                        "column \"" + src->columns[i] + "\" appears twice in the header");
    }
  }
  return src;
}

bool RecordDecoder::Decode(std::string_view record, std::vector<std::string_view>* fields, std::string* message) {
  if (source_.format == InputFormat::kCsv) {
    SplitValidated(record, source_.delimiter, fields, &scratch_);
    if (fields->size() != source_.columns.size()) {
      *message = "the record changed since it was read";
      fields->resize(source_.columns.size());
      return false;
    }
    return true;
  }
  ObjectCollector c;
  if (!ParseJsonObject(record, &c)) {
    *message = c.error;
    return false;
  }
  owned_.assign(source_.columns.size(), std::string());
  for (auto& [k, v] : c.members) {
    for (size_t i = 0; i < source_.columns.size(); ++i) {
      if (source_.columns[i] == k) {
        owned_[i] = std::move(v);
        break;
      }
    }
  }
  fields->assign(owned_.begin(), owned_.end());
  return true;
}

}  // namespace concord::recon
