#include "core/result.h"

namespace concord {

int HttpStatus(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return 422;
    case ErrorKind::kBadRequest: return 400;
    case ErrorKind::kUnauthorized: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kPreconditionFailed: return 412;
    case ErrorKind::kPreconditionRequired: return 428;
    case ErrorKind::kPayloadTooLarge: return 413;
    case ErrorKind::kTooManyRequests: return 429;
    case ErrorKind::kUnavailable: return 503;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

const char* HttpTitle(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return "Unprocessable Content";
    case ErrorKind::kBadRequest: return "Bad Request";
    case ErrorKind::kUnauthorized: return "Unauthorized";
    case ErrorKind::kForbidden: return "Forbidden";
    case ErrorKind::kNotFound: return "Not Found";
    case ErrorKind::kConflict: return "Conflict";
    case ErrorKind::kPreconditionFailed: return "Precondition Failed";
    case ErrorKind::kPreconditionRequired: return "Precondition Required";
    case ErrorKind::kPayloadTooLarge: return "Content Too Large";
    case ErrorKind::kTooManyRequests: return "Too Many Requests";
    case ErrorKind::kUnavailable: return "Service Unavailable";
    case ErrorKind::kInternal: return "Internal Server Error";
  }
  return "Internal Server Error";
}

// CLI: 0 success, 1 the user's input is wrong, 2 usage (CLI11's own), 3 access, 4 conflict, 70 internal.
int ExitCode(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid:
    case ErrorKind::kBadRequest:
    case ErrorKind::kPayloadTooLarge:
    case ErrorKind::kNotFound: return 1;
    case ErrorKind::kUnauthorized:
    case ErrorKind::kForbidden:
    case ErrorKind::kTooManyRequests: return 3;
    case ErrorKind::kConflict:
    case ErrorKind::kPreconditionFailed:
    case ErrorKind::kPreconditionRequired: return 4;
    case ErrorKind::kUnavailable:
    case ErrorKind::kInternal: return 70;
  }
  return 70;
}

}  // namespace concord
