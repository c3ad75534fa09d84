// Error helpers shared by the agency rules: every refusal carries a stable code, a message for people and
// the field it concerns, so the API can render an RFC 9457 problem with field errors unchanged.
#pragma once

#include <string>
#include <utility>

#include "core/result.h"

namespace concord::agency {

// 422: the input breaks a rule; `field` names the input at fault.
inline Error InvalidAt(std::string code, std::string field, std::string message) {
  FieldError fe{std::move(field), code, message};
  return Error::Invalid(std::move(code), std::move(message), {std::move(fe)});
}

// 409: the record's state forbids the change (a status transition, an issued or frozen record).
inline Error ConflictAt(std::string code, std::string field, std::string message) {
  FieldError fe{std::move(field), code, message};
  return Error{ErrorKind::kConflict, std::move(code), std::move(message), {std::move(fe)}};
}

}  // namespace concord::agency
