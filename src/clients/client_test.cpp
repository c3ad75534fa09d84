#include "clients/client.h"

#include <gtest/gtest.h>

namespace concord::clients {
namespace {

// IRS: an EIN is a nine-digit number formatted XX-XXXXXXX.
TEST(ClientRules, EinIsNineDigitsInCanonicalForm) {
  EXPECT_EQ(CanonicalEin("12-3456789"), "12-3456789");
  EXPECT_EQ(CanonicalEin("123456789"), "12-3456789");
  EXPECT_EQ(CanonicalEin("12 3456789"), "12-3456789");
  EXPECT_FALSE(CanonicalEin("12-345678").has_value());
  EXPECT_FALSE(CanonicalEin("12-34567890").has_value());
  EXPECT_FALSE(CanonicalEin("AB-3456789").has_value());
}

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(ClientRules, CreatingNeedsALegalName) {
  EXPECT_EQ(Fields(ValidateClient({}, true)), std::vector<std::string>{"legal_name"});
  ClientInput blank;
  blank.legal_name = "   ";
  EXPECT_EQ(Fields(ValidateClient(blank, false)), std::vector<std::string>{"legal_name"});
  EXPECT_TRUE(ValidateClient({}, false).empty());  // a partial update may leave it out
}

TEST(ClientRules, EveryBadFieldIsNamed) {
  ClientInput in;
  in.legal_name = "Acme";
  in.tax_id = "123";
  in.status = "sleeping";
  in.addresses = std::vector<Address>{{"moon", "", "", "", "", "", "usa"}};
  in.account_team = std::vector<TeamMember>{{0, "", "boss"}};
  EXPECT_EQ(Fields(ValidateClient(in, true)),
            (std::vector<std::string>{"tax_id", "status", "addresses/0/kind", "addresses/0/line1", "addresses/0/city",
                                      "addresses/0/country", "account_team/0/user_id", "account_team/0/role"}));
}

TEST(ContactRules, PreferredChannelNeedsItsAddress) {
  ContactInput in;
  in.name = "Dana Whitfield";
  in.preferred_channel = "phone";
  EXPECT_EQ(Fields(ValidateContact(in, true)), std::vector<std::string>{"phone"});
  in.phone = "+1 555 0100";
  EXPECT_TRUE(ValidateContact(in, true).empty());
  in.email = "not an email";
  EXPECT_EQ(Fields(ValidateContact(in, true)), std::vector<std::string>{"email"});
  in.email = "dana@example.com";
  in.preferred_channel = "pigeon";
  EXPECT_EQ(Fields(ValidateContact(in, true)), std::vector<std::string>{"preferred_channel"});
}

TEST(ClientRules, ApplyTrimsAndKeepsAbsentFields) {
  Client c;
  c.legal_name = "Old";
  c.dba = "Keep";
  ClientInput in;
  in.legal_name = "  New Name Inc. ";
  Apply(in, c);
  EXPECT_EQ(c.legal_name, "New Name Inc.");
  EXPECT_EQ(c.dba, "Keep");
}

TEST(ClientRules, JsonNeverCarriesTheSealedTaxId) {
  Client c;
  c.tax_id_sealed = "v1:secret";
  c.tax_id_masked = "**-***6789";
  const auto j = ToJson(c);
  EXPECT_EQ(j["tax_id_masked"], "**-***6789");
  EXPECT_EQ(j.dump().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace concord::clients
