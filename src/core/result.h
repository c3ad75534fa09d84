// Errors as values. A fallible function returns Result<T>; TRY(expr) unwraps it or returns the error.
// Each error has a stable code ("client.legal_name_required"), a message for people, a kind that maps
// to one HTTP status and one CLI exit code, and optional field errors (RFC 9457 "errors" member).
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace concord {

enum class ErrorKind {
  kInvalid,               // 422: the input breaks a rule
  kBadRequest,            // 400: the request is malformed (bad JSON, bad query parameter)
  kUnauthorized,          // 401: no valid session or token
  kForbidden,             // 403: authenticated, but the role may not do this
  kNotFound,              // 404: absent, or outside the caller's scope
  kConflict,              // 409: a uniqueness or state conflict
  kPreconditionFailed,    // 412: If-Match names a stale version
  kPreconditionRequired,  // 428: a write without If-Match
  kPayloadTooLarge,       // 413
  kTooManyRequests,       // 429: login throttling
  kUnavailable,           // 503
  kInternal,              // 500: a bug or an I/O failure
};

struct FieldError {
  std::string field;    // JSON pointer-ish path or CSV "line 3, column 2 (tax_id)"
  std::string code;     // stable code
  std::string message;  // for people
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;
  std::string message;
  std::vector<FieldError> fields;

  static Error Invalid(std::string code, std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorKind::kInvalid, std::move(code), std::move(message), std::move(fields)};
  }
  static Error BadRequest(std::string code, std::string message) {
    return {ErrorKind::kBadRequest, std::move(code), std::move(message), {}};
  }
  static Error NotFound(std::string code, std::string message) {
    return {ErrorKind::kNotFound, std::move(code), std::move(message), {}};
  }
  static Error Conflict(std::string code, std::string message) {
    return {ErrorKind::kConflict, std::move(code), std::move(message), {}};
  }
  static Error Forbidden(std::string code, std::string message) {
    return {ErrorKind::kForbidden, std::move(code), std::move(message), {}};
  }
  static Error Unauthorized(std::string code, std::string message) {
    return {ErrorKind::kUnauthorized, std::move(code), std::move(message), {}};
  }
  static Error Internal(std::string code, std::string message) {
    return {ErrorKind::kInternal, std::move(code), std::move(message), {}};
  }
};

// The one table from error kinds to HTTP status codes and CLI exit codes.
int HttpStatus(ErrorKind kind);
int ExitCode(ErrorKind kind);
const char* HttpTitle(ErrorKind kind);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}       // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  T value_or(T fallback) const& { return ok() ? std::get<0>(v_) : std::move(fallback); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const {}
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace concord

// TRY(expr): evaluates a Result; on error returns it from the enclosing function, else yields the value.
#define TRY(expr)                                                  \
  __extension__({                                                  \
    auto _concord_try = (expr);                                    \
    if (!_concord_try.ok()) return std::move(_concord_try).error(); \
    std::move(_concord_try).value();                               \
  })
