// A small, thread-safe metrics registry rendered in the Prometheus text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/). No Beast, no I/O: the server exposes
// Render() at GET /metrics, and any module may add counters, histograms or gauge callbacks, e.g.
//
//   metrics::Registry::Default().AddGauge("concord_jobs", "Jobs by state.", [&] {
//     return std::vector<metrics::Sample>{{{{"state", "queued"}}, double(queue.Queued())}};
//   });
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace concord::metrics {

// Label name/value pairs in the order they are rendered.
using Labels = std::vector<std::pair<std::string, std::string>>;

struct Sample {
  Labels labels;
  double value = 0;
};

// Default buckets of concord_http_request_duration_seconds, in seconds.
const std::vector<double>& DefaultDurationBuckets();

class Registry {
 public:
  using GaugeCallback = std::function<std::vector<Sample>()>;

  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // The process-wide registry the server renders unless given another one.
  static Registry& Default();

  // Declares a family. Declaring again with the same type is a no-op, so modules may declare in any
  // order; a different type for an existing name throws std::logic_error (a programming error).
  void DeclareCounter(const std::string& name, const std::string& help);
  void DeclareHistogram(const std::string& name, const std::string& help, std::vector<double> buckets);

  // Adds `by` (>= 0) to the series name{labels}; the counter must have been declared.
  void Increment(const std::string& name, const Labels& labels, double by = 1);
  // Records one observation in the histogram series name{labels}.
  void Observe(const std::string& name, const Labels& labels, double value);

  // A gauge whose samples are read by calling `callback` at render time (outside the registry's lock,
  // so the callback may take its own locks). Re-adding a name replaces the callback.
  void AddGauge(const std::string& name, const std::string& help, GaugeCallback callback);
  void RemoveGauge(const std::string& name);

  // The current value of a counter series, or of a histogram series' count; 0 when absent (for tests).
  double Value(const std::string& name, const Labels& labels) const;

  // All families in name order, in text format 0.0.4. Serve with
  // Content-Type: text/plain; version=0.0.4; charset=utf-8.
  std::string Render() const;

  // concord_http_requests_total{route,method,status} and concord_http_request_duration_seconds{route}.
  void RecordHttpRequest(const std::string& route, const std::string& method, int status, double seconds);

 private:
  struct Histogram {
    std::vector<uint64_t> counts;  // per bucket, not cumulative; rendered cumulatively
    uint64_t count = 0;
    double sum = 0;
  };
  enum class Type { kCounter, kHistogram, kGauge };
  struct Family {
    Type type = Type::kCounter;
    std::string help;
    std::vector<double> buckets;
    std::map<Labels, double> counters;
    std::map<Labels, Histogram> histograms;
    std::shared_ptr<GaugeCallback> gauge;
  };

  Family& Declare(const std::string& name, const std::string& help, Type type);
  void EnsureHttpFamilies();

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
  bool http_declared_ = false;
};

// Text-format helpers, public for tests.
std::string EscapeLabelValue(const std::string& value);  // \ " and newline
std::string FormatValue(double value);                   // shortest round-trip; +Inf, -Inf, NaN

}  // namespace concord::metrics
