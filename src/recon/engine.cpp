// Reconcile(): open both inputs, resolve the spec, read each side into key-hashed RowRefs (in memory,
// or spilled to partition files when the inputs exceed the memory budget), then classify key-hash
// ranges on worker threads while this thread hands their exceptions to the sink in range order, so
// the output does not depend on thread timing.
#include <algorithm>
#include <functional>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "recon/join.h"
#include "recon/plan.h"
#include "recon/reader.h"
#include "recon/recon.h"
#include "recon/spill.h"
#include "recon/suggest.h"

namespace concord::recon {
namespace {

// In memory, partitions are sized so that a partition pair (about 1 MiB) stays in the CPU caches
// while it is joined: 256 partitions for 256 MiB of input, 4096 for 4 GiB.
int MemoryPartitionBits(uint64_t total_bytes) {
  int bits = 8;
  while (bits < 14 && (total_bytes >> bits) > (uint64_t{1} << 20)) ++bits;
  return bits;
}

Exception FailureException(const SourceData& src, RawFailure f) {
  Exception e;
  e.kind = ExceptionKind::kParseError;
  e.failure = ParseFailure{src.file, f.line, f.column, std::move(f.message)};
  RowInfo info{src.side, f.line, {std::move(f.record)}};
  (src.side == Side::kLeft ? e.left : e.right) = std::move(info);
  return e;
}

void AddCounts(const Summary& from, Summary* to) {
  to->matched += from.matched;
  to->mismatched += from.mismatched;
  to->only_left += from.only_left;
  to->only_right += from.only_right;
  to->duplicate_keys += from.duplicate_keys;
  to->duplicate_left_rows += from.duplicate_left_rows;
  to->duplicate_right_rows += from.duplicate_right_rows;
}

// Runs `work(range, joiner, output)` for ranges 0..n-1 on worker threads and emits each range's
// exceptions to the sink in range order.
Status JoinRanges(const JoinContext& ctx, int threads, size_t n,
                  const std::function<Status(size_t, Joiner&, RangeOutput*)>& work, ResultSink& sink,
                  Progress* progress, Summary* summary, std::vector<UnmatchedRow>* unmatched) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<RangeOutput>> slots(n);
  std::vector<Status> statuses(n);
  std::vector<bool> ready(n, false);
  size_t next = 0;
  bool stop = false;
  auto worker = [&] {
    Joiner joiner(ctx);
    while (true) {
      size_t r;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (stop || next >= n) return;
        r = next++;
      }
      auto out = std::make_unique<RangeOutput>();
      Status s = work(r, joiner, out.get());
      std::lock_guard<std::mutex> lock(mu);
      slots[r] = std::move(out);
      statuses[r] = std::move(s);
      ready[r] = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(threads, 1); ++t) pool.emplace_back(worker);
  Status result;
  for (size_t r = 0; r < n && result.ok(); ++r) {
    std::unique_ptr<RangeOutput> out;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ready[r]; });
      out = std::move(slots[r]);
      if (!statuses[r].ok()) result = statuses[r];
    }
    if (!result.ok()) break;
    for (const Exception& e : out->exceptions) {
      result = sink.Add(e);
      if (!result.ok()) break;
    }
    AddCounts(out->counts, summary);
    for (UnmatchedRow& u : out->unmatched) unmatched->push_back(std::move(u));
    if (progress) progress->Update("join", r + 1, n);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
  }
  for (auto& t : pool) t.join();
  return result;
}

// CONCORD_RECON_TRACE=1 prints how long each phase took (stderr), for tuning.
class PhaseTrace {
 public:
  PhaseTrace() : on_(std::getenv("CONCORD_RECON_TRACE") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void Mark(const char* phase) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "recon: %-14s %8.3f s\n", phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

// Partition bits for the spill path: a partition pair per worker must fit the budget with room
// for its row index and the decoded exceptions. (Many more, smaller partitions were tried: with more
// files the writes got slower and the join did not get faster.)
int SpillPartitionBits(uint64_t total_bytes, uint64_t budget, int threads) {
  uint64_t want = total_bytes * 3 * static_cast<uint64_t>(std::max(threads, 1)) / std::max<uint64_t>(budget, 1) + 1;
  int bits = 3;
  while ((uint64_t{1} << bits) < want && bits < 10) ++bits;
  return bits;
}

}  // namespace

const char* ExceptionKindName(ExceptionKind kind) {
  switch (kind) {
    case ExceptionKind::kMismatched: return "mismatched";
    case ExceptionKind::kOnlyLeft: return "only_left";
    case ExceptionKind::kOnlyRight: return "only_right";
    case ExceptionKind::kDuplicate: return "duplicate";
    case ExceptionKind::kParseError: return "parse_error";
    case ExceptionKind::kSuggested: return "suggested";
  }
  return "unknown";
}

Status CollectingSink::Begin(const RunInfo& info) {
  info_ = info;
  return {};
}
Status CollectingSink::Add(const Exception& exception) {
  exceptions_.push_back(exception);
  return {};
}
Status CollectingSink::Finish(const Summary& summary) {
  summary_ = summary;
  return {};
}

Result<Summary> Reconcile(const Spec& spec, const Inputs& inputs, ResultSink& sink, Progress* progress,
                          const Options& options) {
  PhaseTrace trace;
  std::unique_ptr<SourceData> left = TRY(OpenSource(spec.left, inputs.left, Side::kLeft));
  std::unique_ptr<SourceData> right = TRY(OpenSource(spec.right, inputs.right, Side::kRight));
  std::unique_ptr<Plan> plan = TRY(BuildPlan(spec, *left, *right));
  const int threads = std::max(options.threads, 1);

  RunInfo info;
  info.left_name = spec.left.name;
  info.right_name = spec.right.name;
  info.left_file = left->file;
  info.right_file = right->file;
  info.left_columns = left->columns;
  info.right_columns = right->columns;
  for (const ComparedColumn& c : plan->compared) info.compared.emplace_back(left->columns[c.left], right->columns[c.right]);
  TRY(sink.Begin(info));

  Summary summary;
  const uint64_t total_bytes = left->bytes.size() + right->bytes.size();
  summary.spilled = options.memory_budget != 0 && total_bytes > options.memory_budget;
  JoinContext ctx{*plan, *left, *right, spec.suggest.enabled};
  auto read_progress = [&](uint64_t base) {
    return [&, base](uint64_t done) {
      if (progress) progress->Update("read", base + done, total_bytes);
    };
  };
  auto emit_failures = [&](const SourceData& src, ReadResult& read) -> Status {
    std::sort(read.failures.begin(), read.failures.end(),
              [](const RawFailure& a, const RawFailure& b) { return a.line < b.line; });
    summary.parse_errors += read.failures.size();
    for (RawFailure& f : read.failures) TRY(sink.Add(FailureException(src, std::move(f))));
    read.failures.clear();
    return {};
  };
  std::vector<UnmatchedRow> unmatched;

  // Both paths copy records into hash partitions (see spill.h); they differ in where partitions live.
  std::string dir;
  struct Cleanup {
    std::string* dir;
    ~Cleanup() {
      if (!dir->empty()) RemoveTempDir(*dir);
    }
  } cleanup{&dir};
  std::unique_ptr<PartitionedStore> left_store, right_store;
  SpillStore* left_spill = nullptr;
  SpillStore* right_spill = nullptr;
  int bits = MemoryPartitionBits(total_bytes);
  // Spilling readers each keep a file per partition open: at most 4 of them bounds the descriptors.
  int read_threads = threads;
  if (summary.spilled) {
    dir = TRY(MakeTempDir(options.temp_dir));
    bits = SpillPartitionBits(total_bytes, options.memory_budget, threads);
    read_threads = std::min(threads, 4);
    auto l = std::make_unique<SpillStore>(dir, 'l', read_threads, 1 << bits);
    auto r = std::make_unique<SpillStore>(dir, 'r', read_threads, 1 << bits);
    left_spill = l.get();
    right_spill = r.get();
    left_store = std::move(l);
    right_store = std::move(r);
  } else {
    left_store = std::make_unique<MemoryPartitionStore>(threads, bits, left->bytes.size());
    right_store = std::make_unique<MemoryPartitionStore>(threads, bits, right->bytes.size());
  }
  if (left_spill) TRY(left_spill->Open());
  ReadResult lr =
      ReadSide(*left, *plan->left_key, plan->left_wanted, read_threads, *left_store, true, read_progress(0));
  if (left_spill) TRY(left_spill->Close());
  trace.Mark("read left");
  if (right_spill) TRY(right_spill->Open());
  ReadResult rr = ReadSide(*right, *plan->right_key, plan->right_wanted, read_threads, *right_store, true,
                           read_progress(left->bytes.size()));
  if (right_spill) TRY(right_spill->Close());
  trace.Mark("read right");
  summary.left_rows = lr.records;
  summary.right_rows = rr.records;
  TRY(emit_failures(*left, lr));
  TRY(emit_failures(*right, rr));
  TRY(JoinRanges(
      ctx, threads, size_t{1} << bits,
      [&](size_t p, Joiner& joiner, RangeOutput* out) -> Status {
        std::string lbuf, rbuf;
        std::vector<RowRef> lrows, rrows;
        TRY(left_store->Load(static_cast<int>(p), &lbuf, &lrows));
        TRY(right_store->Load(static_cast<int>(p), &rbuf, &rrows));
        auto less = [](const RowRef& a, const RowRef& b) { return RowRefLess(a, b); };
        std::sort(lrows.begin(), lrows.end(), less);
        std::sort(rrows.begin(), rrows.end(), less);
        joiner.Join(lrows, rrows, out);
        left_store->Drop(static_cast<int>(p));
        right_store->Drop(static_cast<int>(p));
        return {};
      },
      sink, progress, &summary, &unmatched));
  trace.Mark("join");

  if (spec.suggest.enabled) {
    if (progress) progress->Update("suggest", 0, 1);
    std::vector<Exception> suggestions =
        SuggestMatches(*plan, *left, *right, spec.suggest.min_score, std::move(unmatched));
    summary.suggested = suggestions.size();
    for (const Exception& e : suggestions) TRY(sink.Add(e));
    if (progress) progress->Update("suggest", 1, 1);
  }
  TRY(sink.Finish(summary));
  trace.Mark("finish");
  return summary;
}

}  // namespace concord::recon
