// Password hashing with argon2id (RFC 9106), parameters from the OWASP Password Storage Cheat Sheet:
// m = 19 MiB, t = 2, p = 1. Hashes are stored in the PHC string format, so parameters can change later
// without invalidating old hashes.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace concord::auth {

Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);
// At least 10 characters; the rule's message is what a user sees.
Status CheckPasswordStrength(std::string_view password);

}  // namespace concord::auth
