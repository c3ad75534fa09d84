// CSV reader throughput (MB/s): the bulk scanner on unquoted and on quote-heavy data, the scalar
// record parser, and a whole side read (scan + key normalisation + hashing) on 1 and 2 threads.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "recon/csv.h"
#include "recon/input.h"
#include "recon/plan.h"
#include "recon/reader.h"

namespace concord::recon {
namespace {

// ~64 MiB of 12-column rows like the reconciliation benchmark's.
const std::string& Data(bool quoted) {
  static std::string plain, with_quotes;
  std::string& s = quoted ? with_quotes : plain;
  if (s.empty()) {
    s = "emp_id,first_name,last_name,dob,ssn,department,job_title,status,start_date,bill_rate,pay_rate,hours\n";
    for (uint64_t i = 0; s.size() < (size_t{64} << 20); ++i) {
      s.append("E").append(std::to_string(100000000 + i)).append(",Jennifer,Rodriguez,1987-08-27,877-46-8093,");
      s += quoted ? "\"Sales, East\",\"Account \"\"Key\"\" Executive\"," : "Customer Care,Account Executive,";
      s += "Active,2017-05-24,2901.62,2031.13,43.9\n";
    }
  }
  return s;
}

class CountRows : public ChunkVisitor {
 public:
  void Row(const ChunkRow&, const std::vector<std::string_view>& fields) override {
    rows += 1;
    bytes += fields[0].size();
  }
  void Failure(uint32_t, uint64_t, const char*, size_t, size_t) override { ++failures; }
  uint64_t rows = 0, bytes = 0, failures = 0;
};

void ScanChunk(benchmark::State& state, bool quoted) {
  const std::string& d = Data(quoted);
  std::vector<bool> wanted(12, false);
  wanted[0] = true;
  size_t header = d.find('\n') + 1;
  for (auto _ : state) {
    CountRows v;
    IndexChunk(d, ChunkScan{header, d.size() + 1, false, false, 12, wanted, ','}, v);
    benchmark::DoNotOptimize(v.bytes);
    if (v.failures != 0) state.SkipWithError("parse failures");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d.size()));
}

void BM_ScanUnquoted(benchmark::State& state) { ScanChunk(state, false); }
void BM_ScanQuoted(benchmark::State& state) { ScanChunk(state, true); }

void BM_ParseRecordScalar(benchmark::State& state) {
  const std::string& d = Data(false);
  std::vector<std::string_view> fields;
  std::string scratch;
  for (auto _ : state) {
    size_t pos = d.find('\n') + 1;
    while (pos < d.size()) pos = ParseRecord(d, pos, ',', &fields, &scratch).next;
    benchmark::DoNotOptimize(fields.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d.size()));
}

class NullStore : public RowStore {
 public:
  void Add(int, const RowRef& row) override { benchmark::DoNotOptimize(row.hash); }
  void Reset() override {}
};

// The whole read of one side: chunking, quote parity, scanning, key trim + hash.
void BM_ReadSide(benchmark::State& state) {
  SourceSpec spec;
  spec.key = {"emp_id"};
  InputSource input;
  input.text = Data(false);
  auto src = OpenSource(spec, input, Side::kLeft);
  ColumnRule trim;
  trim.normalizers = {NormalizerKind::kTrim};
  auto normalizer = ColumnNormalizer::Create(trim, "k").value();
  KeyBuilder key({0}, {&normalizer});
  std::vector<bool> wanted(12, false);
  wanted[0] = true;
  NullStore store;
  for (auto _ : state) {
    ReadResult r = ReadSide(**src, key, wanted, static_cast<int>(state.range(0)), store, false, nullptr);
    benchmark::DoNotOptimize(r.records);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>((*src)->bytes.size()));
}

BENCHMARK(BM_ScanUnquoted)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScanQuoted)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseRecordScalar)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadSide)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace concord::recon

BENCHMARK_MAIN();
