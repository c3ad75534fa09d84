#include "server/metrics.h"

#include <gtest/gtest.h>

#include <thread>

namespace concord::metrics {
namespace {

// The counter example of https://prometheus.io/docs/instrumenting/exposition_formats/ (without the
// optional timestamps, which we never write).
TEST(MetricsFormatTest, CounterAsInTheSpec) {
  Registry registry;
  registry.DeclareCounter("http_requests_total", "The total number of HTTP requests.");
  registry.Increment("http_requests_total", {{"method", "post"}, {"code", "200"}}, 1027);
  registry.Increment("http_requests_total", {{"method", "post"}, {"code", "400"}}, 3);
  EXPECT_EQ(registry.Render(),
            "# HELP http_requests_total The total number of HTTP requests.\n"
            "# TYPE http_requests_total counter\n"
            "http_requests_total{method=\"post\",code=\"200\"} 1027\n"
            "http_requests_total{method=\"post\",code=\"400\"} 3\n");
}

// The spec's escaping example: msdos_file_access_time_seconds{path="C:\\DIR\\FILE.TXT",
// error="Cannot find file:\n\"FILE.TXT\""} 1.458255915e9 and a HELP line with a backslash and newline.
TEST(MetricsFormatTest, Escaping) {
  EXPECT_EQ(EscapeLabelValue("C:\\DIR\\FILE.TXT"), "C:\\\\DIR\\\\FILE.TXT");
  EXPECT_EQ(EscapeLabelValue("Cannot find file:\n\"FILE.TXT\""), "Cannot find file:\\n\\\"FILE.TXT\\\"");
  Registry registry;
  registry.AddGauge("msdos_file_access_time_seconds", "Escaping in HELP: \\ and\nnewline.", [] {
    return std::vector<Sample>{
        {{{"path", "C:\\DIR\\FILE.TXT"}, {"error", "Cannot find file:\n\"FILE.TXT\""}}, 1.458255915e9}};
  });
  EXPECT_EQ(registry.Render(),
            "# HELP msdos_file_access_time_seconds Escaping in HELP: \\\\ and\\nnewline.\n"
            "# TYPE msdos_file_access_time_seconds gauge\n"
            "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find "
            "file:\\n\\\"FILE.TXT\\\"\"} "
            "1458255915\n");
}

TEST(MetricsFormatTest, Values) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(3), "3");
  EXPECT_EQ(FormatValue(0.005), "0.005");
  EXPECT_EQ(FormatValue(2.5), "2.5");
  EXPECT_EQ(FormatValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatValue(0.0 / 0.0), "NaN");
}

// The spec's histogram shape: cumulative le buckets, +Inf equal to _count, then _sum and _count.
TEST(MetricsFormatTest, HistogramAsInTheSpec) {
  Registry registry;
  registry.DeclareHistogram("http_request_duration_seconds", "A histogram of the request duration.",
                            {0.05, 0.1, 0.2, 0.5, 1});
  double sum = 0;
  for (double v : {0.03125, 0.05, 0.0625, 0.125, 0.25, 0.75, 3.0}) {
    registry.Observe("http_request_duration_seconds", {}, v);
    sum += v;
  }
  EXPECT_EQ(registry.Render(),
            "# HELP http_request_duration_seconds A histogram of the request duration.\n"
            "# TYPE http_request_duration_seconds histogram\n"
            "http_request_duration_seconds_bucket{le=\"0.05\"} 2\n"  // le is inclusive: 0.05 counts
            "http_request_duration_seconds_bucket{le=\"0.1\"} 3\n"
            "http_request_duration_seconds_bucket{le=\"0.2\"} 4\n"
            "http_request_duration_seconds_bucket{le=\"0.5\"} 5\n"
            "http_request_duration_seconds_bucket{le=\"1\"} 6\n"
            "http_request_duration_seconds_bucket{le=\"+Inf\"} 7\n"
            "http_request_duration_seconds_sum " +
                FormatValue(sum) +
                "\n"
                "http_request_duration_seconds_count 7\n");
}

TEST(MetricsHttpTest, RequestFamilies) {
  Registry registry;
  registry.RecordHttpRequest("/api/v1/clients/{id}", "GET", 200, 0.003);
  registry.RecordHttpRequest("/api/v1/clients/{id}", "GET", 200, 0.2);
  registry.RecordHttpRequest("/api/v1/clients/{id}", "GET", 404, 20);
  std::string text = registry.Render();
  EXPECT_NE(text.find("# TYPE concord_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(
      text.find(
          "concord_http_requests_total{route=\"/api/v1/clients/{id}\",method=\"GET\",status=\"200\"} 2\n"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          "concord_http_requests_total{route=\"/api/v1/clients/{id}\",method=\"GET\",status=\"404\"} 1\n"),
      std::string::npos);
  EXPECT_NE(text.find("# TYPE concord_http_request_duration_seconds histogram\n"), std::string::npos);
  const std::string bucket =
      "concord_http_request_duration_seconds_bucket{route=\"/api/v1/clients/{id}\",le=";
  EXPECT_NE(text.find(bucket + "\"0.001\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find(bucket + "\"0.005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find(bucket + "\"0.25\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find(bucket + "\"10\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find(bucket + "\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("concord_http_request_duration_seconds_count{route=\"/api/v1/clients/{id}\"} 3\n"),
            std::string::npos);
  EXPECT_EQ(registry.Value("concord_http_requests_total",
                           {{"route", "/api/v1/clients/{id}"}, {"method", "GET"}, {"status", "200"}}),
            2);
}

TEST(MetricsTest, GaugeCallbacksAndCountersFromOtherModules) {
  Registry registry;
  int queued = 4;
  registry.AddGauge("concord_jobs", "Jobs by state.", [&] {
    return std::vector<Sample>{{{{"state", "queued"}}, double(queued)}, {{{"state", "running"}}, 1}};
  });
  registry.DeclareCounter("concord_jobs_finished_total", "Jobs finished.");
  registry.DeclareCounter("concord_jobs_finished_total", "");  // declaring twice is fine
  registry.Increment("concord_jobs_finished_total", {});
  queued = 5;
  EXPECT_EQ(registry.Render(),
            "# HELP concord_jobs Jobs by state.\n"
            "# TYPE concord_jobs gauge\n"
            "concord_jobs{state=\"queued\"} 5\n"
            "concord_jobs{state=\"running\"} 1\n"
            "# HELP concord_jobs_finished_total Jobs finished.\n"
            "# TYPE concord_jobs_finished_total counter\n"
            "concord_jobs_finished_total 1\n");
  EXPECT_THROW(registry.DeclareHistogram("concord_jobs_finished_total", "", {1}), std::logic_error);
  EXPECT_THROW(registry.Increment("undeclared_total", {}), std::logic_error);
  registry.RemoveGauge("concord_jobs");
  EXPECT_EQ(registry.Render().find("concord_jobs{"), std::string::npos);
}

TEST(MetricsTest, ThreadSafe) {
  Registry registry;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        registry.RecordHttpRequest("/r", "GET", 200, 0.001);
        if (i % 100 == 0) (void)registry.Render();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(
      registry.Value("concord_http_requests_total", {{"route", "/r"}, {"method", "GET"}, {"status", "200"}}),
      4000);
}

}  // namespace
}  // namespace concord::metrics
