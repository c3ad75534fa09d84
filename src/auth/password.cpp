#include "auth/password.h"

#include <argon2.h>

#include <cstring>

#include "crypto/crypto.h"

namespace concord::auth {
namespace {
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kParallelism = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  const std::string salt = crypto::RandomToken(kSaltBytes);
  std::string encoded(argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, salt.size(), kHashBytes, Argon2_id), '\0');
  const int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                                       salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) return Error::Internal("auth.hash_failed", argon2_error_message(rc));
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  const std::string hash(encoded_hash);
  return argon2id_verify(hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

Status CheckPasswordStrength(std::string_view password) {
  if (password.size() < 10) {
    return Error::Invalid("auth.password_too_short", "A password needs at least 10 characters.",
                          {{"password", "auth.password_too_short", "At least 10 characters."}});
  }
  return {};
}

}  // namespace concord::auth
