#include "recon/reader.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "recon/csv.h"

namespace concord::recon {
namespace {

constexpr size_t kMinChunk = size_t{1} << 20;
constexpr size_t kMaxChunk = size_t{16} << 20;

class KeyingVisitor : public ChunkVisitor {
 public:
  KeyingVisitor(const SourceData& source, const KeyBuilder& key, RowStore& store, int worker, uint64_t line_base)
      : source_(source), key_(key), store_(store), worker_(worker), line_base_(line_base) {}

  void Row(const ChunkRow& row, const std::vector<std::string_view>& fields) override {
    ++records;
    const char* d = source_.bytes.data();
    if (!key_.Build(fields, &key_text_, &scratch_)) {
      const char* at = fields[key_.fields()[0]].data();
      uint64_t column = at >= d + row.begin && at <= d + row.end ? static_cast<uint64_t>(at - (d + row.begin)) + 1 : 1;
      AddFailure(line_base_ + row.line, column, "the key is empty", row.begin, row.end);
      return;
    }
    store_.Add(worker_, RowRef{HashKey(key_text_), d + row.begin, static_cast<uint32_t>(row.end - row.begin),
                               static_cast<uint32_t>(line_base_ + row.line)});
  }

  void Failure(uint32_t line, uint64_t column, const char* message, size_t begin, size_t end) override {
    ++records;
    AddFailure(line_base_ + line, column, message, begin, end);
  }

  uint64_t records = 0;
  std::vector<RawFailure> failures;

 private:
  void AddFailure(uint64_t line, uint64_t column, std::string message, size_t begin, size_t end) {
    std::string_view text = source_.bytes.substr(begin, std::min<size_t>(end - begin, 1000));
    failures.push_back({line, column, std::move(message), std::string(text)});
  }

  const SourceData& source_;
  const KeyBuilder& key_;
  RowStore& store_;
  int worker_;
  uint64_t line_base_;
  std::string key_text_;
  std::string scratch_;
};

ReadResult ReadJsonLines(const SourceData& source, const KeyBuilder& key, RowStore& store,
                         const ReadProgress& progress) {
  ReadResult result;
  RecordDecoder decoder(source);
  std::vector<std::string_view> fields;
  std::string key_text, scratch, message;
  std::string_view d = source.bytes;
  size_t pos = source.body_begin;
  uint64_t line = source.header_lines + 1;
  while (pos < d.size()) {
    size_t eol = d.find('\n', pos);
    size_t next = eol == std::string_view::npos ? d.size() : eol + 1;
    std::string_view record = d.substr(pos, (eol == std::string_view::npos ? d.size() : eol) - pos);
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (!record.empty()) {
      ++result.records;
      if (!decoder.Decode(record, &fields, &message)) {
        result.failures.push_back({line, 1, message, std::string(record.substr(0, 1000))});
      } else if (!key.Build(fields, &key_text, &scratch)) {
        result.failures.push_back({line, 1, "the key is empty", std::string(record.substr(0, 1000))});
      } else {
        store.Add(0, RowRef{HashKey(key_text), record.data(), static_cast<uint32_t>(record.size()),
                            static_cast<uint32_t>(line)});
      }
    }
    ++line;
    pos = next;
    if ((line & 0xffff) == 0 && progress) progress(pos);
  }
  if (progress) progress(d.size());
  return result;
}

}  // namespace

void ParallelFor(int threads, size_t n, const std::function<void(int, size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto run = [&](int worker) {
    for (size_t i = next++; i < n; i = next++) fn(worker, i);
  };
  int t = static_cast<int>(std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), n));
  std::vector<std::thread> pool;
  for (int w = 1; w < t; ++w) pool.emplace_back(run, w);
  run(0);
  for (auto& th : pool) th.join();
}

ReadResult ReadSide(const SourceData& source, const KeyBuilder& key, const std::vector<bool>& wanted, int threads,
                    RowStore& store, bool release_pages, const ReadProgress& progress) {
  if (source.format == InputFormat::kJsonLines) return ReadJsonLines(source, key, store, progress);
  const std::string_view d = source.bytes;
  const size_t begin = source.body_begin;
  const size_t body = d.size() - begin;
  size_t chunk = std::clamp(body / (static_cast<size_t>(std::max(threads, 1)) * 8), kMinChunk, kMaxChunk);
  size_t chunks = threads <= 1 ? 1 : std::max<size_t>(1, (body + chunk - 1) / chunk);

  for (int attempt = 0; attempt < 2; ++attempt) {
    if (attempt == 1) chunks = 1;
    // Segment i is [start[i], start[i+1]); chunk i scans from start[i] and owns records starting before
    // start[i+1] + 1 (see IndexChunk: a record that starts exactly at a boundary belongs to the next chunk).
    std::vector<size_t> start(chunks + 1);
    for (size_t i = 0; i < chunks; ++i) start[i] = i == 0 ? begin : begin + i * chunk - 1;
    start[chunks] = d.size();
    std::vector<uint64_t> quotes(chunks), newlines(chunks);
    ParallelFor(threads, chunks, [&](int, size_t i) {
      const char* p = d.data() + start[i];
      size_t len = start[i + 1] - start[i];
      CountQuotesAndNewlines(p, len, &quotes[i], &newlines[i]);
    });
    std::vector<uint64_t> quotes_before(chunks), lines_before(chunks);
    for (size_t i = 1; i < chunks; ++i) {
      quotes_before[i] = quotes_before[i - 1] + quotes[i - 1];
      lines_before[i] = lines_before[i - 1] + newlines[i - 1];
    }
    std::vector<std::unique_ptr<KeyingVisitor>> visitors(chunks);
    std::vector<ChunkOutcome> outcomes(chunks);
    std::mutex progress_mutex;
    uint64_t done_bytes = 0;
    ParallelFor(threads, chunks, [&](int worker, size_t i) {
      visitors[i] = std::make_unique<KeyingVisitor>(source, key, store, worker,
                                                    uint64_t{source.header_lines} + lines_before[i] + 1);
      ChunkScan scan{start[i], i + 1 < chunks ? start[i + 1] + 1 : d.size() + 1, (quotes_before[i] & 1) != 0,
                     i > 0, source.columns.size(), wanted, source.delimiter};
      outcomes[i] = IndexChunk(d, scan, *visitors[i]);
      if (release_pages && source.mapping) source.mapping->Release(start[i], start[i + 1] - start[i]);
      std::lock_guard<std::mutex> lock(progress_mutex);
      done_bytes += start[i + 1] - start[i];
      if (progress) progress(done_bytes);
    });
    bool trouble = false;
    for (const ChunkOutcome& o : outcomes) trouble = trouble || o.quote_trouble;
    if (trouble && chunks > 1) {
      store.Reset();
      continue;
    }
    ReadResult result;
    for (auto& v : visitors) {
      result.records += v->records;
      for (RawFailure& f : v->failures) result.failures.push_back(std::move(f));
    }
    return result;
  }
  return {};
}

}  // namespace concord::recon
