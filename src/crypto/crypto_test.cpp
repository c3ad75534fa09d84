#include "crypto/crypto.h"

#include <gtest/gtest.h>

namespace concord::crypto {
namespace {

// FIPS 180-2 Appendix B.1 test vector.
TEST(Crypto, Sha256OfAbcMatchesFips180Example) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, EncryptRoundTripsWithFreshNonces) {
  FieldKey key = FieldKey::Generate();
  const std::string a = key.Encrypt("12-3456789");
  const std::string b = key.Encrypt("12-3456789");
  EXPECT_NE(a, b);
  EXPECT_EQ(key.Decrypt(a).value(), "12-3456789");
  EXPECT_EQ(key.Decrypt(b).value(), "12-3456789");
}

TEST(Crypto, DecryptRefusesTamperingAndOtherKeys) {
  FieldKey key = FieldKey::Generate();
  std::string sealed = key.Encrypt("secret");
  EXPECT_FALSE(FieldKey::Generate().Decrypt(sealed).ok());
  sealed[sealed.size() - 3] = sealed[sealed.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(key.Decrypt(sealed).ok());
}

TEST(Crypto, KeyRoundTripsThroughBase64) {
  FieldKey key = FieldKey::Generate();
  auto again = FieldKey::FromBase64(key.ToBase64());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Decrypt(key.Encrypt("x")).value(), "x");
  EXPECT_FALSE(FieldKey::FromBase64("c2hvcnQ=").ok());
}

TEST(Crypto, BlindIndexIsDeterministicPerKey) {
  FieldKey key = FieldKey::Generate();
  EXPECT_EQ(key.BlindIndex("123456789"), key.BlindIndex("123456789"));
  EXPECT_NE(key.BlindIndex("123456789"), key.BlindIndex("123456780"));
  EXPECT_NE(key.BlindIndex("123456789"), FieldKey::Generate().BlindIndex("123456789"));
}

TEST(Crypto, MaskKeepsSeparatorsAndLastFour) {
  EXPECT_EQ(Mask("12-3456789"), "**-***6789");
  EXPECT_EQ(Mask("123-45-6789"), "***-**-6789");
  EXPECT_EQ(Mask("123"), "123");
}

TEST(Crypto, RandomTokensDiffer) {
  EXPECT_NE(RandomToken(), RandomToken());
  EXPECT_EQ(RandomToken(32).size(), 43u);  // 32 bytes in unpadded base64
}

}  // namespace
}  // namespace concord::crypto
