// Pieces of the server that need no Beast: request ids, the Date header and access-log lines.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace concord::http {

struct AccessRecord {
  std::chrono::system_clock::time_point ts;
  std::string_view request_id;
  std::string_view method;
  std::string_view path;
  std::string_view route;  // the matched pattern, "static", "unmatched", ...
  int status = 0;
  std::size_t bytes = 0;  // response body bytes
  double duration_ms = 0;
  std::string_view remote;
};

// One JSON object on one line (no trailing newline):
// {"ts":"2026-11-22T04:01:27.123Z","request_id":...,"method":...,"path":...,"route":...,"status":200,
//  "bytes":15,"duration_ms":0.42,"remote":"127.0.0.1"}
std::string AccessLogLine(const AccessRecord& record);

// A random 128-bit request id as 32 lowercase hex digits.
std::string NewRequestId();

// Whether a client-supplied X-Request-Id is safe to echo and log: 1..128 characters of
// [A-Za-z0-9._:-] (no spaces, quotes or control characters that could forge log lines).
bool IsValidRequestId(std::string_view id);

// An IMF-fixdate for the Date header (RFC 9110 §5.6.7), e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(std::chrono::system_clock::time_point now);

}  // namespace concord::http
