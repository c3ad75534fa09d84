// Secrets and personal data: field encryption (libsodium secretbox, XSalsa20-Poly1305), keyed blind
// indexes for looking up encrypted values, SHA-256 digests, random tokens and output masking.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/result.h"

namespace concord::crypto {

// Call once before any other function (idempotent, thread-safe).
void Init();

// 32 random bytes as URL-safe base64 without padding: session ids, API tokens, CSRF tokens.
std::string RandomToken(size_t bytes = 32);

std::string Sha256Hex(std::string_view data);

// The key that encrypts personal fields. Loaded from base64 text (config/env) or a key file.
class FieldKey {
 public:
  static constexpr size_t kSize = 32;
  static FieldKey Generate();
  static Result<FieldKey> FromBase64(std::string_view text);
  // Reads the key file; when `create` and the file is missing, writes a new random key (mode 0600).
  static Result<FieldKey> FromFile(const std::string& path, bool create);
  std::string ToBase64() const;

  // "v1:" + base64(nonce || ciphertext): a fresh random nonce each time.
  std::string Encrypt(std::string_view plaintext) const;
  Result<std::string> Decrypt(std::string_view sealed) const;
  // A deterministic keyed hash (BLAKE2b with a subkey) of a normalised value, so equal tax ids can be
  // found and kept unique without decrypting every row.
  std::string BlindIndex(std::string_view normalised) const;

 private:
  std::array<unsigned char, kSize> key_{};
};

// Masks all but the last `visible` alphanumerics, keeping separators: "12-3456789" → "**-***6789".
std::string Mask(std::string_view value, size_t visible = 4);

}  // namespace concord::crypto
