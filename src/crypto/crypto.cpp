#include "crypto/crypto.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

namespace concord::crypto {
namespace {

std::string ToBase64(const unsigned char* data, size_t size, int variant) {
  std::string out(sodium_base64_encoded_len(size, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::vector<unsigned char>> FromBase64(std::string_view text, int variant) {
  std::vector<unsigned char> out(text.size());
  size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &length, nullptr, variant) != 0) {
    return Error::Invalid("crypto.bad_base64", "Not valid base64.");
  }
  out.resize(length);
  return out;
}

}  // namespace

void Init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no safe way to continue without a random source
  });
}

std::string RandomToken(size_t bytes) {
  Init();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return ToBase64(buffer.data(), buffer.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string Sha256Hex(std::string_view data) {
  Init();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

FieldKey FieldKey::Generate() {
  Init();
  FieldKey key;
  crypto_secretbox_keygen(key.key_.data());
  return key;
}

Result<FieldKey> FieldKey::FromBase64(std::string_view text) {
  Init();
  auto bytes = TRY(crypto::FromBase64(text, sodium_base64_VARIANT_ORIGINAL));
  if (bytes.size() != kSize) {
    return Error::Invalid("crypto.bad_key", "The field-encryption key must be 32 bytes of base64.");
  }
  FieldKey key;
  std::copy(bytes.begin(), bytes.end(), key.key_.begin());
  return key;
}

Result<FieldKey> FieldKey::FromFile(const std::string& path, bool create) {
  std::ifstream in(path);
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    auto key = FromBase64(text.str());
    if (!key.ok()) return Error::Invalid("crypto.bad_key", "Key file " + path + " does not hold a 32-byte base64 key.");
    return key;
  }
  if (!create) return Error::Invalid("crypto.no_key", "Key file " + path + " cannot be read.");
  FieldKey key = Generate();
  const mode_t old_mask = umask(077);
  std::ofstream out(path);
  out << key.ToBase64() << "\n";
  umask(old_mask);
  if (!out) return Error::Internal("crypto.key_write", "Cannot write key file " + path + ".");
  return key;
}

std::string FieldKey::ToBase64() const {
  return crypto::ToBase64(key_.data(), key_.size(), sodium_base64_VARIANT_ORIGINAL);
}

std::string FieldKey::Encrypt(std::string_view plaintext) const {
  Init();
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nonce,
                        key_.data());
  return "v1:" + crypto::ToBase64(box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
}

Result<std::string> FieldKey::Decrypt(std::string_view sealed) const {
  Init();
  if (!sealed.starts_with("v1:")) return Error::Internal("crypto.bad_ciphertext", "Unknown ciphertext version.");
  auto box = TRY(crypto::FromBase64(sealed.substr(3), sodium_base64_VARIANT_ORIGINAL));
  if (box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Error::Internal("crypto.bad_ciphertext", "Ciphertext too short.");
  }
  std::string plain(box.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, box.size() - crypto_secretbox_NONCEBYTES,
                                 box.data(), key_.data()) != 0) {
    return Error::Internal("crypto.decrypt_failed", "Ciphertext does not authenticate with this key.");
  }
  return plain;
}

std::string FieldKey::BlindIndex(std::string_view normalised) const {
  Init();
  unsigned char subkey[crypto_generichash_KEYBYTES];
  crypto_kdf_derive_from_key(subkey, sizeof subkey, 1, "blindidx", key_.data());
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(normalised.data()),
                     normalised.size(), subkey, sizeof subkey);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string Mask(std::string_view value, size_t visible) {
  size_t alnum = 0;
  for (char c : value) alnum += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
  std::string out(value);
  size_t seen = 0;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c))) continue;
    if (alnum > visible && seen < alnum - visible) c = '*';
    ++seen;
  }
  return out;
}

}  // namespace concord::crypto
