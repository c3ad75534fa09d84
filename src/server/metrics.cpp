#include "server/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace concord::metrics {
namespace {

constexpr char kRequestsTotal[] = "concord_http_requests_total";
constexpr char kRequestDuration[] = "concord_http_request_duration_seconds";

// HELP text escapes only backslash and newline (format 0.0.4).
std::string EscapeHelp(const std::string& help) {
  std::string out;
  for (char c : help) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void AppendLabels(std::string* out, const Labels& labels, const char* extra_name = nullptr,
                  const std::string& extra_value = "") {
  if (labels.empty() && !extra_name) return;
  *out += '{';
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) *out += ',';
    first = false;
    *out += name + "=\"" + EscapeLabelValue(value) + '"';
  }
  if (extra_name) {
    if (!first) *out += ',';
    *out += std::string(extra_name) + "=\"" + extra_value + '"';
  }
  *out += '}';
}

void AppendSample(std::string* out, const std::string& name, const Labels& labels, double value) {
  *out += name;
  AppendLabels(out, labels);
  *out += ' ' + FormatValue(value) + '\n';
}

}  // namespace

const std::vector<double>& DefaultDurationBuckets() {
  static const std::vector<double> kBuckets = {.001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
  return kBuckets;
}

std::string EscapeLabelValue(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

Registry& Registry::Default() {
  static Registry* registry = new Registry();  // never destroyed: may be used from exiting threads
  return *registry;
}

Registry::Family& Registry::Declare(const std::string& name, const std::string& help, Type type) {
  auto [it, inserted] = families_.try_emplace(name);
  if (!inserted && it->second.type != type) {
    throw std::logic_error("metric " + name + " already declared with another type");
  }
  it->second.type = type;
  if (inserted || !help.empty()) it->second.help = help;
  return it->second;
}

void Registry::DeclareCounter(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  Declare(name, help, Type::kCounter);
}

void Registry::DeclareHistogram(const std::string& name, const std::string& help,
                                std::vector<double> buckets) {
  std::sort(buckets.begin(), buckets.end());
  std::lock_guard lock(mutex_);
  Family& family = Declare(name, help, Type::kHistogram);
  if (family.histograms.empty()) family.buckets = std::move(buckets);
}

void Registry::Increment(const std::string& name, const Labels& labels, double by) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end() || it->second.type != Type::kCounter) {
    throw std::logic_error("counter " + name + " is not declared");
  }
  it->second.counters[labels] += by;
}

void Registry::Observe(const std::string& name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end() || it->second.type != Type::kHistogram) {
    throw std::logic_error("histogram " + name + " is not declared");
  }
  Family& family = it->second;
  Histogram& histogram = family.histograms[labels];
  if (histogram.counts.empty()) histogram.counts.resize(family.buckets.size());
  // Buckets are upper bounds, inclusive (le = "less than or equal").
  auto bucket = std::lower_bound(family.buckets.begin(), family.buckets.end(), value);
  if (bucket != family.buckets.end()) ++histogram.counts[bucket - family.buckets.begin()];
  ++histogram.count;
  histogram.sum += value;
}

void Registry::AddGauge(const std::string& name, const std::string& help, GaugeCallback callback) {
  std::lock_guard lock(mutex_);
  Family& family = Declare(name, help, Type::kGauge);
  family.gauge = std::make_shared<GaugeCallback>(std::move(callback));
}

void Registry::RemoveGauge(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it != families_.end() && it->second.type == Type::kGauge) families_.erase(it);
}

double Registry::Value(const std::string& name, const Labels& labels) const {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end()) return 0;
  if (auto c = it->second.counters.find(labels); c != it->second.counters.end()) return c->second;
  if (auto h = it->second.histograms.find(labels); h != it->second.histograms.end()) {
    return static_cast<double>(h->second.count);
  }
  return 0;
}

void Registry::EnsureHttpFamilies() {
  std::lock_guard lock(mutex_);
  if (http_declared_) return;
  Declare(kRequestsTotal, "HTTP requests answered, by route pattern, method and status.", Type::kCounter);
  Family& duration =
      Declare(kRequestDuration, "Time from reading a request to writing its response.", Type::kHistogram);
  duration.buckets = DefaultDurationBuckets();
  http_declared_ = true;
}

void Registry::RecordHttpRequest(const std::string& route, const std::string& method, int status,
                                 double seconds) {
  EnsureHttpFamilies();
  Increment(kRequestsTotal, {{"route", route}, {"method", method}, {"status", std::to_string(status)}});
  Observe(kRequestDuration, {{"route", route}}, seconds);
}

std::string Registry::Render() const {
  // Gauge callbacks run outside the lock: they may be slow or take locks of their own.
  std::map<std::string, std::pair<std::string, std::shared_ptr<GaugeCallback>>> gauges;
  std::string out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, family] : families_) {
      if (family.type == Type::kGauge) gauges[name] = {family.help, family.gauge};
    }
  }
  std::map<std::string, std::string> gauge_text;
  for (const auto& [name, gauge] : gauges) {
    std::string text = "# HELP " + name + ' ' + EscapeHelp(gauge.first) + "\n# TYPE " + name + " gauge\n";
    for (const Sample& sample : (*gauge.second)()) AppendSample(&text, name, sample.labels, sample.value);
    gauge_text[name] = std::move(text);
  }

  std::lock_guard lock(mutex_);
  for (const auto& [name, family] : families_) {
    if (family.type == Type::kGauge) {
      if (auto it = gauge_text.find(name); it != gauge_text.end()) out += it->second;
      continue;
    }
    out += "# HELP " + name + ' ' + EscapeHelp(family.help) + '\n';
    if (family.type == Type::kCounter) {
      out += "# TYPE " + name + " counter\n";
      for (const auto& [labels, value] : family.counters) AppendSample(&out, name, labels, value);
      continue;
    }
    out += "# TYPE " + name + " histogram\n";
    for (const auto& [labels, histogram] : family.histograms) {
      uint64_t cumulative = 0;
      for (std::size_t i = 0; i < family.buckets.size(); ++i) {
        cumulative += histogram.counts[i];
        out += name + "_bucket";
        AppendLabels(&out, labels, "le", FormatValue(family.buckets[i]));
        out += ' ' + std::to_string(cumulative) + '\n';
      }
      out += name + "_bucket";
      AppendLabels(&out, labels, "le", "+Inf");
      out += ' ' + std::to_string(histogram.count) + '\n';
      AppendSample(&out, name + "_sum", labels, histogram.sum);
      AppendSample(&out, name + "_count", labels, static_cast<double>(histogram.count));
    }
  }
  return out;
}

}  // namespace concord::metrics
