// The account side on both backends: account knowledge (approval chain, key dates, search), the account's
// files, and the period lock that records who set it.
#include "agency/service_fixture.h"

namespace concord::agency {
namespace {

class AccountSideTest : public AgencyServiceTest {
 protected:
  int64_t Contact(int64_t client, const char* name, const char* email, const char* role) {
    clients::ContactInput in;
    in.name = name;
    in.email = email;
    in.role = role;
    auto c = clients_->AddContact(admin_, client, in, "t");
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c->id;
  }
};

TEST_P(AccountSideTest, KnowledgeHoldsTheApprovalChainKeyDatesAndContactRoles) {
  const int64_t cmo = Contact(acme_, "Carla Marketing", "carla@acme.test", "decision maker");
  const int64_t brand = Contact(acme_, "Bob Brand", "bob@acme.test", "day-to-day");
  const int64_t other = Contact(beta_, "Otto Beta", "otto@beta.test", "buyer");
  const Account before = service_->GetAccount(coordinator_, acme_).value();

  AccountInput in;
  in.processes = "Creative goes through legal review before the CMO.";
  in.reporting_preferences = "Short weekly e-mail, bullet points, no attachments over 5 MB";
  in.contact_preferences = std::vector<ContactPreference>{{brand, "phone", "Pantone 186 C only", "", "", ""}};
  in.approval_chain = std::vector<ApprovalStep>{{1, "creative", brand, ""}, {2, "estimates", cmo, ""}};
  in.key_dates = std::vector<KeyDate>{{D("2026-06-30"), "Fiscal year end", true}};
  const Account saved = service_->SaveAccount(coordinator_, acme_, before.version, in, "t").value();
  ASSERT_EQ(saved.approval_chain.size(), 2u);
  EXPECT_EQ(saved.approval_chain[1].contact_name, "Carla Marketing");
  ASSERT_EQ(saved.contact_preferences.size(), 1u);
  EXPECT_EQ(saved.contact_preferences[0].role, "day-to-day");  // from the client's contact record
  EXPECT_EQ(saved.contact_preferences[0].email, "bob@acme.test");
  EXPECT_EQ(saved.key_dates[0].label, "Fiscal year end");
  EXPECT_EQ(saved.version, before.version + 1);
  EXPECT_EQ(AuditCount("agency_account"), 3);  // two created in SetUp, this update

  // Another client's contact cannot approve for Acme; a key date needs a label; the errors name the field.
  AccountInput bad;
  bad.approval_chain = std::vector<ApprovalStep>{{1, "estimates", other, ""}};
  bad.key_dates = std::vector<KeyDate>{{D("2026-09-01"), "", false}};
  auto refused = service_->SaveAccount(coordinator_, acme_, saved.version, bad, "t");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "approval_chain[0].contact_id");
  EXPECT_EQ(refused.error().fields[1].field, "key_dates[0].label");
}

TEST_P(AccountSideTest, AccountsAreSearchedAcrossTheKnowledgeWithinTheScope) {
  const Account acme = service_->GetAccount(admin_, acme_).value();
  AccountInput in;
  in.processes = "Every print job gets a wet proof";
  ASSERT_TRUE(service_->SaveAccount(admin_, acme_, acme.version, in, "t").ok());
  ListQuery q;
  q.sort = "client";
  q.q = "WET PROOF";
  auto found = service_->ListAccounts(coordinator_, q).value();
  ASSERT_EQ(found.first.size(), 1u);
  EXPECT_EQ(found.first[0].client_name, "Acme Foods");
  q.q = "retail";  // both are Retail Trade; the client user sees only Acme
  EXPECT_EQ(service_->ListAccounts(coordinator_, q)->first.size(), 2u);
  EXPECT_EQ(service_->ListAccounts(acme_user_, q)->first.size(), 1u);
  EXPECT_EQ(service_->GetAccount(acme_user_, beta_).error().kind, ErrorKind::kNotFound);
}

TEST_P(AccountSideTest, FilesAreKeptWithTheirChecksumArchivedAndScoped) {
  // SHA-256("abc") from FIPS 180-2, appendix B.1.
  const AccountFile file =
      service_->AddAccountFile(coordinator_, acme_, {"Brand book", "brand_guidelines", "brand.txt", "text/plain", "abc"}, "t")
          .value();
  EXPECT_EQ(file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(file.size, 3);
  EXPECT_EQ(service_->AccountFileContent(acme_user_, file.id)->second, "abc");
  EXPECT_EQ(service_->AccountFiles(coordinator_, beta_, false)->size(), 0u);

  const AccountFile archived = service_->ArchiveAccountFile(coordinator_, file.id, file.version, true, "t").value();
  EXPECT_TRUE(archived.archived_at.has_value());
  EXPECT_EQ(service_->AccountFiles(coordinator_, acme_, false)->size(), 0u);
  EXPECT_EQ(service_->AccountFiles(coordinator_, acme_, true)->size(), 1u);
  EXPECT_EQ(service_->ArchiveAccountFile(coordinator_, file.id, file.version, false, "t").error().code, "agency.stale");
  EXPECT_EQ(AuditCount("agency_account_file"), 2);

  auto bad = service_->AddAccountFile(coordinator_, acme_, {"", "photos", "x.bin", "", ""}, "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);  // empty body, unknown category
  // A client user of Acme reaches neither Beta's account nor a file under it.
  const AccountFile beta_file =
      service_->AddAccountFile(admin_, beta_, {"Contract", "contract", "c.pdf", "application/pdf", "%PDF"}, "t").value();
  EXPECT_EQ(service_->AccountFileContent(acme_user_, beta_file.id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->ArchiveAccountFile(acme_user_, beta_file.id, 1, true, "t").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(service_->AddAccountFile(acme_user_, beta_, {"x", "other", "x", "", "x"}, "t").error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AccountSideTest, LockingAPeriodRecordsWhoAndWhen) {
  const Settings s = service_->GetSettings().value();
  EXPECT_TRUE(s.locked_by.empty());
  const Settings locked =
      service_->UpdateSettings(admin_, s.version, {{"locked_through", "2026-02-28"}, {"contact_report_days", 1}}, "t")
          .value();
  EXPECT_EQ(locked.locked_by, "Ada Admin");
  EXPECT_EQ(locked.locked_at, std::optional<std::string>("2026-03-05T15:00:00Z"));  // the fixture's clock
  EXPECT_EQ(locked.contact_report_days, 1);
  // Changing something else keeps the lock's author; lifting the lock clears it.
  now_ = At("2026-03-06T15:00:00Z");
  const Settings renamed = service_->UpdateSettings(admin_, locked.version, {{"time_zone", "America/Chicago"}}, "t").value();
  EXPECT_EQ(renamed.locked_at, locked.locked_at);
  const Settings lifted = service_->UpdateSettings(admin_, renamed.version, {{"locked_through", nullptr}}, "t").value();
  EXPECT_TRUE(lifted.locked_by.empty());
  EXPECT_FALSE(lifted.locked_at.has_value());
  EXPECT_EQ(service_->UpdateSettings(admin_, lifted.version, {{"contact_report_days", 40}}, "t").error().fields[0].field,
            "contact_report_days");
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountSideTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
