#include "clients/service.h"

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "store/testing.h"

namespace concord::clients {
namespace {

class ClientServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    fresh_ = store::testing::MakeFreshDatabase(GetParam());
    std::vector<store::Migration> migrations;
    for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), Migrations()}) {
      migrations.insert(migrations.end(), list.begin(), list.end());
    }
    ASSERT_TRUE(store::Migrate(db(), migrations).ok());
    service_ = std::make_unique<ClientService>(db(), key_);
    coordinator_ = {.user_id = 1, .name = "Casey Coordinator", .role = auth::Role::kCoordinator};
  }
  store::Database& db() { return *fresh_->db; }
  Client Make(const std::string& name, const std::string& tax_id = "") {
    ClientInput in;
    in.legal_name = name;
    if (!tax_id.empty()) in.tax_id = tax_id;
    auto c = service_->Create(coordinator_, in, "t");
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.value();
  }
  int64_t AuditCount(const std::string& action) {
    auto conn = db().Acquire();
    return (*conn)->QueryOne("SELECT COUNT(*) FROM audit_events WHERE action = ?", {action}).value().Int(0);
  }

  std::unique_ptr<store::testing::FreshDatabase> fresh_;
  crypto::FieldKey key_ = crypto::FieldKey::Generate();
  std::unique_ptr<ClientService> service_;
  auth::Principal coordinator_;
};

TEST_P(ClientServiceTest, CreateEncryptsAndMasksTheTaxId) {
  Client c = Make("Harborview Logistics LLC", "123456789");
  EXPECT_EQ(c.tax_id_masked, "**-***6789");
  auto conn = db().Acquire();
  auto row = (*conn)->QueryOne("SELECT tax_id_sealed FROM clients WHERE id = ?", {c.id}).value();
  EXPECT_EQ(row.Text(0).find("3456789"), std::string::npos);
  EXPECT_EQ(service_->RevealTaxId(coordinator_, c.id, "t").value(), "12-3456789");
  EXPECT_EQ(AuditCount("reveal_tax_id"), 1);
  EXPECT_EQ(AuditCount("create"), 1);
}

TEST_P(ClientServiceTest, AnotherTenantGetsNotFound) {
  Client mine = Make("Mine Inc.");
  Client theirs = Make("Theirs Inc.");
  auth::Principal client_user{.user_id = 2, .role = auth::Role::kClientUser, .client_ids = {mine.id}};
  EXPECT_TRUE(service_->Get(client_user, mine.id).ok());
  auto other = service_->Get(client_user, theirs.id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(HttpStatus(other.error().kind), 404);
  EXPECT_EQ(HttpStatus(service_->Contacts(client_user, theirs.id).error().kind), 404);
  auto page = service_->List(client_user, ListQuery{});
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, mine.id);
  EXPECT_EQ(page->total, 1);
}

TEST_P(ClientServiceTest, StaleUpdateIsRefused) {
  Client c = Make("Acme Staffing");
  ClientInput first;
  first.dba = "Acme";
  ASSERT_TRUE(service_->Update(coordinator_, c.id, c.version, first, "t").ok());
  ClientInput second;
  second.dba = "ACME";
  auto stale = service_->Update(coordinator_, c.id, c.version, second, "t");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(HttpStatus(stale.error().kind), 412);
  EXPECT_EQ(service_->Get(coordinator_, c.id)->dba, "Acme");
}

TEST_P(ClientServiceTest, UpdateAuditsBeforeAndAfter) {
  Client c = Make("Acme Staffing");
  ClientInput in;
  in.status = "active";
  ASSERT_TRUE(service_->Update(coordinator_, c.id, c.version, in, "req-9").ok());
  auto conn = db().Acquire();
  auto events = audit::List(**conn, {.entity = "client", .entity_id = std::to_string(c.id), .limit = 10}).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "update");
  EXPECT_EQ(events[0].request_id, "req-9");
  EXPECT_EQ(events[0].before["status"], "prospect");
  EXPECT_EQ(events[0].after["status"], "active");
}

TEST_P(ClientServiceTest, ListSearchesSortsAndPages) {
  for (auto name : {"Delta Freight", "alpha Medical", "Charlie Foods", "Bravo Builders", "Echo Energy"}) Make(name);
  ListQuery q;
  q.limit = 2;
  auto first = service_->List(coordinator_, q).value();
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].legal_name, "alpha Medical");  // case-insensitive order
  EXPECT_EQ(first.items[1].legal_name, "Bravo Builders");
  EXPECT_EQ(first.total, 5);
  q.after_key = first.sort_keys.back();
  q.after_id = first.items.back().id;
  auto second = service_->List(coordinator_, q).value();
  EXPECT_EQ(second.items[0].legal_name, "Charlie Foods");
  ListQuery search;
  search.q = "FOOD";
  EXPECT_EQ(service_->List(coordinator_, search)->items.size(), 1u);
  ListQuery desc;
  desc.descending = true;
  EXPECT_EQ(service_->List(coordinator_, desc)->items[0].legal_name, "Echo Energy");
}

TEST_P(ClientServiceTest, ArchivedClientsLeaveTheDefaultList) {
  Client c = Make("Gone Co");
  Make("Here Co");
  ASSERT_TRUE(service_->SetArchived(coordinator_, c.id, c.version, true, "t").ok());
  EXPECT_EQ(service_->List(coordinator_, ListQuery{})->total, 1);
  ListQuery archived;
  archived.archived = "true";
  EXPECT_EQ(service_->List(coordinator_, archived)->items[0].legal_name, "Gone Co");
}

TEST_P(ClientServiceTest, DuplicateTaxIdIsAFieldError) {
  Make("First", "12-3456789");
  ClientInput in;
  in.legal_name = "Second";
  in.tax_id = "123456789";
  auto dup = service_->Create(coordinator_, in, "t");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().fields.at(0).field, "tax_id");
}

TEST_P(ClientServiceTest, OnlyOnePrimaryContact) {
  Client c = Make("Acme");
  ContactInput a{"Ana", "HR", "", "ana@acme.test", "", "email", true};
  ContactInput b{"Ben", "AP", "", "ben@acme.test", "", "email", true};
  auto first = service_->AddContact(coordinator_, c.id, a, "t").value();
  auto second = service_->AddContact(coordinator_, c.id, b, "t").value();
  auto contacts = service_->Contacts(coordinator_, c.id).value();
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].id, second.id);
  EXPECT_TRUE(contacts[0].is_primary);
  EXPECT_FALSE(contacts[1].is_primary);
  auto stale = service_->RemoveContact(coordinator_, c.id, first.id, first.version, "t");
  EXPECT_EQ(HttpStatus(stale.error().kind), 412);  // clearing its primary flag made a new version
  EXPECT_TRUE(service_->RemoveContact(coordinator_, c.id, first.id, first.version + 1, "t").ok());
}

const char* kImport =
    "external_ref,legal_name,dba,tax_id,industry,status,address_line1,address_city,address_region,address_postal_code\r\n"
    "C-100,Northwind Traders LLC,Northwind,98-7654321,Wholesale Trade,active,1 Pier Rd,Seattle,WA,98101\r\n"
    "C-101,\"Contoso, Ltd.\",,,Manufacturing,onboarding,,,,\r\n";

TEST_P(ClientServiceTest, ImportIsIdempotent) {
  auto first = service_->Import(coordinator_, kImport, "clients.csv", false, "t");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->created, 2);
  auto second = service_->Import(coordinator_, kImport, "clients.csv", false, "t");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->updated, 0);
  EXPECT_EQ(second->unchanged, 2);
  ListQuery q;
  q.q = "contoso";
  auto contoso = service_->List(coordinator_, q)->items.at(0);
  EXPECT_EQ(contoso.legal_name, "Contoso, Ltd.");
  EXPECT_EQ(contoso.status, "onboarding");
}

TEST_P(ClientServiceTest, ImportWithAnyBadRowWritesNothing) {
  std::string bad = std::string(kImport) + "C-102,,x,12,Retail Trade,asleep,,,,\r\n";
  auto result = service_->Import(coordinator_, bad, "clients.csv", false, "t");
  ASSERT_FALSE(result.ok());
  const auto& fields = result.error().fields;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(result.error().message, "clients.csv has 3 error(s); nothing was imported.");
  EXPECT_EQ(fields[0].field, "clients.csv, line 4, column 2 (legal_name)");
  EXPECT_EQ(fields[1].field, "clients.csv, line 4, column 4 (tax_id)");
  EXPECT_EQ(fields[2].field, "clients.csv, line 4, column 6 (status)");
  EXPECT_EQ(service_->List(coordinator_, ListQuery{})->total, 0);
}

TEST_P(ClientServiceTest, ImportRefusesUnknownColumnsAndDryRunWritesNothing) {
  auto unknown = service_->Import(coordinator_, "legal_name,colour\nAcme,red\n", "c.csv", false, "t");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields.at(0).field, "c.csv, line 1, column 2 (colour)");
  auto dry = service_->Import(coordinator_, kImport, "clients.csv", true, "t");
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->created, 2);
  EXPECT_EQ(service_->List(coordinator_, ListQuery{})->total, 0);
}

TEST_P(ClientServiceTest, ExportJobWritesAnXlsxFileWithProgress) {
  for (int i = 0; i < 3; ++i) Make("Client " + std::to_string(i));
  jobs::Registry registry;
  service_->RegisterJobs(registry);
  const int64_t id = db().Transact<int64_t>([](store::Connection& c) {
    return jobs::Enqueue(c, {"clients.export_xlsx", {{"archived", "false"}}, 1, std::nullopt});
  }).value();
  ASSERT_TRUE(jobs::RunOne(db(), registry, "w").value());
  auto conn = db().Acquire();
  auto job = jobs::Get(**conn, id).value();
  EXPECT_EQ(job.state, "succeeded") << job.message;
  EXPECT_EQ(job.result["rows"], 3);
  EXPECT_EQ(job.done, 3);
  auto file = jobs::LoadFile(**conn, *job.file_id).value();
  EXPECT_EQ(file.content.substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientServiceTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::clients
