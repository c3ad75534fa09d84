// Partitioned row stores. Each side's records are copied into P partitions by the top bits of their
// key hash, so that partition p of the left can only match partition p of the right, and each
// partition pair is joined on its own. Copying also gives the join locality: a partition's records
// sit together in a few hundred KiB instead of being scattered over the whole input, which would make
// every comparison a cache and TLB miss.
//  - MemoryPartitionStore keeps partitions in memory (the input mapping is released as it is read);
//  - SpillStore writes them to files in a private temporary folder, for inputs beyond the memory
//    budget, and reads one partition back at a time.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "recon/reader.h"

namespace concord::recon {

// Stored record layout, shared by both stores: {u64 hash, u32 line, u32 size} then the record's bytes.
class PartitionedStore : public RowStore {
 public:
  // Points `rows` at partition p's records; `buffer` holds them when they have to be read back.
  virtual Status Load(int partition, std::string* buffer, std::vector<RowRef>* rows) = 0;
  // Frees partition p once it has been joined.
  virtual void Drop(int partition) = 0;
};

// Partition index of a hash for 2^bits partitions.
inline int PartitionOf(uint64_t hash, int bits) { return bits == 0 ? 0 : static_cast<int>(hash >> (64 - bits)); }

class MemoryPartitionStore : public PartitionedStore {
 public:
  // `expected_bytes`: about how much will be added (to size the buffers up front).
  MemoryPartitionStore(int workers, int partition_bits, uint64_t expected_bytes);
  void Add(int worker, const RowRef& row) override;
  void Reset() override;
  Status Load(int partition, std::string* buffer, std::vector<RowRef>* rows) override;
  void Drop(int partition) override;

 private:
  int workers_;
  int bits_;
  std::vector<std::string> buffers_;  // partition * workers + worker
};

class SpillStore : public PartitionedStore {
 public:
  // `partitions` is a power of two.
  SpillStore(std::string dir, char tag, int workers, int partitions);
  ~SpillStore() override;
  Status Open();
  void Add(int worker, const RowRef& row) override;
  void Reset() override;
  // Flushes and closes the files; reports a write failure (disk full) as recon.spill_failed.
  Status Close();
  // Reads partition p into `buffer` and points `rows` into it.
  Status Load(int partition, std::string* buffer, std::vector<RowRef>* rows) override;
  void Drop(int) override {}

 private:
  std::string Path(int worker, int partition) const;
  std::string dir_;
  char tag_;
  int workers_;
  int partitions_;
  int shift_;
  std::vector<std::FILE*> files_;  // worker * partitions + partition
  bool failed_ = false;
};

// Creates a fresh folder under `base` (or $TMPDIR, /tmp); RemoveTempDir deletes it and its files.
Result<std::string> MakeTempDir(const std::string& base);
void RemoveTempDir(const std::string& dir);

}  // namespace concord::recon
