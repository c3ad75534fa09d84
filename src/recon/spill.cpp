#include "recon/spill.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace concord::recon {
namespace {

struct SpilledHeader {
  uint64_t hash;
  uint32_t line;
  uint32_t size;
};

void ParseStored(const char* data, size_t size, std::vector<RowRef>* rows) {
  for (size_t pos = 0; pos + sizeof(SpilledHeader) <= size;) {
    SpilledHeader h;
    std::memcpy(&h, data + pos, sizeof(h));
    pos += sizeof(h);
    rows->push_back(RowRef{h.hash, data + pos, h.size, h.line});
    pos += h.size;
  }
}

}  // namespace

MemoryPartitionStore::MemoryPartitionStore(int workers, int partition_bits, uint64_t expected_bytes)
    : workers_(workers), bits_(partition_bits), buffers_(static_cast<size_t>(workers) << partition_bits) {
  // Reserving does not touch the pages, so an over-estimate costs address space, not memory.
  const size_t each = static_cast<size_t>(expected_bytes / buffers_.size() * 5 / 4);
  for (std::string& b : buffers_) b.reserve(each);
}

void MemoryPartitionStore::Add(int worker, const RowRef& row) {
  std::string& b = buffers_[(static_cast<size_t>(PartitionOf(row.hash, bits_)) * static_cast<size_t>(workers_)) +
                            static_cast<size_t>(worker)];
  SpilledHeader h{row.hash, row.line, row.size};
  b.append(reinterpret_cast<const char*>(&h), sizeof(h));
  b.append(row.data, row.size);
}

void MemoryPartitionStore::Reset() {
  for (std::string& b : buffers_) b.clear();
}

Status MemoryPartitionStore::Load(int partition, std::string*, std::vector<RowRef>* rows) {
  rows->clear();
  for (int w = 0; w < workers_; ++w) {
    const std::string& b = buffers_[static_cast<size_t>(partition * workers_ + w)];
    ParseStored(b.data(), b.size(), rows);
  }
  return {};
}

void MemoryPartitionStore::Drop(int partition) {
  for (int w = 0; w < workers_; ++w) std::string().swap(buffers_[static_cast<size_t>(partition * workers_ + w)]);
}

SpillStore::SpillStore(std::string dir, char tag, int workers, int partitions)
    : dir_(std::move(dir)), tag_(tag), workers_(workers), partitions_(partitions), shift_(64) {
  while ((1 << (64 - shift_)) < partitions_) --shift_;
}

SpillStore::~SpillStore() {
  for (std::FILE* f : files_) {
    if (f) std::fclose(f);
  }
}

std::string SpillStore::Path(int worker, int partition) const {
  return dir_ + "/" + tag_ + "-" + std::to_string(worker) + "-" + std::to_string(partition);
}

Status SpillStore::Open() {
  // Each worker keeps one file per partition open; make sure the descriptor limit allows it.
  struct rlimit lim;
  if (::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &lim);
  }
  files_.assign(static_cast<size_t>(workers_ * partitions_), nullptr);
  for (int w = 0; w < workers_; ++w) {
    for (int p = 0; p < partitions_; ++p) {
      std::FILE* f = std::fopen(Path(w, p).c_str(), "wb+");
      if (!f) return Error::Internal("recon.spill_failed", Path(w, p) + ": " + std::strerror(errno));
      std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
      files_[static_cast<size_t>(w * partitions_ + p)] = f;
    }
  }
  return {};
}

void SpillStore::Add(int worker, const RowRef& row) {
  const int p = PartitionOf(row.hash, 64 - shift_);
  std::FILE* f = files_[static_cast<size_t>(worker * partitions_ + p)];
  SpilledHeader h{row.hash, row.line, row.size};
  if (std::fwrite(&h, sizeof(h), 1, f) != 1 || std::fwrite(row.data, 1, row.size, f) != row.size) failed_ = true;
}

void SpillStore::Reset() {
  for (std::FILE* f : files_) {
    std::fflush(f);
    if (::ftruncate(fileno(f), 0) != 0) failed_ = true;
    std::rewind(f);
  }
}

Status SpillStore::Close() {
  for (std::FILE*& f : files_) {
    if (std::fclose(f) != 0) failed_ = true;
    f = nullptr;
  }
  if (failed_) return Error::Internal("recon.spill_failed", dir_ + ": writing partition files failed (disk full?)");
  return {};
}

Status SpillStore::Load(int partition, std::string* buffer, std::vector<RowRef>* rows) {
  buffer->clear();
  rows->clear();
  for (int w = 0; w < workers_; ++w) {
    std::string path = Path(w, partition);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Error::Internal("recon.spill_failed", path + ": " + std::strerror(errno));
    std::fseek(f, 0, SEEK_END);
    long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    size_t at = buffer->size();
    buffer->resize(at + static_cast<size_t>(size));
    size_t got = std::fread(buffer->data() + at, 1, static_cast<size_t>(size), f);
    std::fclose(f);
    std::remove(path.c_str());
    if (got != static_cast<size_t>(size)) return Error::Internal("recon.spill_failed", path + ": short read");
  }
  ParseStored(buffer->data(), buffer->size(), rows);
  return {};
}

Result<std::string> MakeTempDir(const std::string& base) {
  std::string root = base;
  if (root.empty()) {
    const char* t = std::getenv("TMPDIR");
    root = t && *t ? t : "/tmp";
  }
  std::string pattern = root + "/concord-recon-XXXXXX";
  if (!::mkdtemp(pattern.data())) {
    return Error::Internal("recon.spill_failed", root + ": cannot create a temporary folder: " + std::strerror(errno));
  }
  return pattern;
}

void RemoveTempDir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace concord::recon
