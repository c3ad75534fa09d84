// Reads one side: finds every record, builds and hashes its key, and hands a RowRef to a RowStore.
// CSV inputs are cut into chunks read by several threads; a chunk's starting quote state comes from
// the parity of the quotes before it (RFC 4180 quotes always pair up), so a chunk boundary inside a
// quoted field is handled. If a quote error makes that parity untrustworthy, the side is read again
// by one thread from the start.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "recon/input.h"
#include "recon/plan.h"

namespace concord::recon {

struct RawFailure {
  uint64_t line = 0;
  uint64_t column = 0;
  std::string message;
  std::string record;  // the record's text, cut at 1000 bytes
};

// Receives rows from the reading threads. `worker` is in [0, threads); calls with the same worker
// never overlap.
class RowStore {
 public:
  virtual ~RowStore() = default;
  virtual void Add(int worker, const RowRef& row) = 0;
  // Forget everything added (the side is being read again).
  virtual void Reset() = 0;
};

struct ReadResult {
  uint64_t records = 0;  // rows plus failures
  std::vector<RawFailure> failures;
};

using ReadProgress = std::function<void(uint64_t bytes_done)>;

// Reads `source`. With `release_pages` the mapping's pages are dropped behind the reader (the rows
// must then be copied by the store, as the spilling store does).
ReadResult ReadSide(const SourceData& source, const KeyBuilder& key, const std::vector<bool>& wanted, int threads,
                    RowStore& store, bool release_pages, const ReadProgress& progress);

// Runs fn(0..n-1) on up to `threads` threads; fn also receives the worker index.
void ParallelFor(int threads, size_t n, const std::function<void(int worker, size_t index)>& fn);

}  // namespace concord::recon
