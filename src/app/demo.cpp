#include "app/demo.h"
#include "app/demo_service.h"

#include <set>

#include "app/demo_agency.h"
#include "app/demo_names.h"
#include "app/demo_random.h"
#include "app/demo_workforce.h"
#include "app/demo_wfm.h"
#include "mail/outbox.h"

namespace concord::app {
namespace {

namespace names = demo_names;

std::string Digits(Random& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Below(10));
  return out;
}

std::string Slug(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out.substr(0, 16);
}

struct Staff {
  std::vector<int64_t> executives;
  std::vector<int64_t> coordinators;
  std::vector<int64_t> hrbps;
};

Result<int64_t> AddUser(Platform& p, const std::string& email, const std::string& name, auth::Role role,
                        std::vector<int64_t> clients = {}) {
  auto user = TRY(p.accounts->AddUser({email, name, role, kDemoPassword, std::move(clients), std::nullopt},
                                      audit::Actor::System("demo")));
  return user.id;
}

Result<Staff> AddStaff(Platform& p, Random& rng, int extra) {
  Staff staff;
  TRY(AddUser(p, "admin@concord.test", "Alex Administrator", auth::Role::kAdmin));
  staff.executives.push_back(TRY(AddUser(p, "manager@concord.test", "Morgan Manager", auth::Role::kManager)));
  staff.coordinators.push_back(TRY(AddUser(p, "coordinator@concord.test", "Casey Coordinator", auth::Role::kCoordinator)));
  std::set<std::string> used;
  for (int i = 0; i < extra; ++i) {
    std::string first = rng.Pick(names::kFirstNames), last = rng.Pick(names::kLastNames);
    std::string email = Slug(first) + "." + Slug(last) + "@concord.test";
    if (!used.insert(email).second) continue;
    const auth::Role role = i % 3 == 0 ? auth::Role::kManager : auth::Role::kCoordinator;
    const int64_t id = TRY(AddUser(p, email, first + " " + last, role));
    (i % 3 == 0 ? staff.executives : (i % 3 == 1 ? staff.coordinators : staff.hrbps)).push_back(id);
  }
  if (staff.hrbps.empty()) staff.hrbps = staff.executives;
  return staff;
}

clients::ClientInput MakeClient(Random& rng, const Staff& staff, int index, std::set<std::string>& used_names) {
  clients::ClientInput in;
  std::string name;
  size_t second = 0;
  do {
    second = rng.Below(names::kCompanySecond.size());
    name = rng.Pick(names::kCompanyFirst) + " " + std::string(names::kCompanySecond[second]) + " " +
           rng.Pick(names::kCompanySuffix);
  } while (!used_names.insert(name).second && used_names.size() < 7000);
  in.legal_name = name;
  if (rng.Chance(40)) in.dba = name.substr(0, name.find(' ', name.find(' ') + 1));
  in.external_ref = "CL-" + std::to_string(10000 + index);
  in.tax_id = Digits(rng, 2) + "-" + Digits(rng, 7);
  in.industry = std::string(names::kIndustryOfSecond[second]);
  const int roll = static_cast<int>(rng.Below(100));
  in.status = roll < 62 ? "active" : roll < 74 ? "onboarding" : roll < 84 ? "prospect" : roll < 93 ? "on_hold" : "terminated";
  const auto& city = names::kCities[rng.Below(names::kCities.size())];
  const std::string street = std::to_string(100 + rng.Below(9800)) + " " + rng.Pick(names::kStreets) + " " +
                             rng.Pick(names::kStreetTypes);
  std::vector<clients::Address> addresses{{"billing", street, rng.Chance(30) ? "Suite " + std::to_string(100 + rng.Below(800)) : "",
                                           std::string(city.name), std::string(city.state),
                                           std::string(city.zip_prefix) + Digits(rng, 2), "US"}};
  if (rng.Chance(35)) {
    const auto& site = names::kCities[rng.Below(names::kCities.size())];
    addresses.push_back({"worksite", std::to_string(10 + rng.Below(990)) + " " + rng.Pick(names::kStreets) + " " +
                                         rng.Pick(names::kStreetTypes),
                         "", std::string(site.name), std::string(site.state),
                         std::string(site.zip_prefix) + Digits(rng, 2), "US"});
  }
  in.addresses = addresses;
  in.account_team = std::vector<clients::TeamMember>{
      {staff.executives[rng.Below(staff.executives.size())], "", "account_executive"},
      {staff.coordinators[rng.Below(staff.coordinators.size())], "", "account_coordinator"}};
  if (rng.Chance(50)) in.account_team->push_back({staff.hrbps[rng.Below(staff.hrbps.size())], "", "hrbp"});
  static const std::array<std::string_view, 6> kInstructions = {
      "All PSRs need the MSP's work order number before onboarding starts.",
      "Timecards are approved in the VMS by Tuesday noon; send reminders Monday.",
      "Background checks required for every worker on site.",
      "Extensions must be confirmed by the hiring manager in writing.",
      "Use the client's cost centre codes exactly as listed in the VMS.",
      "Final pay questions go to the HRBP before anything is told to the worker."};
  in.processing_instructions = rng.Pick(kInstructions);
  if (rng.Chance(50)) in.service_notes = "Quarterly check-in with the MSP program manager.";
  return in;
}

// The client master list as a CRM exports it, disagreeing with concord in known places: one client
// renamed, one with another status, one missing, one the CRM has and concord does not, one written with
// other spacing and capitals (which the spec's normalisers treat as the same).
std::string CrmExport(const std::vector<clients::Client>& all) {
  std::string csv = "external_ref,legal_name,status\r\n";
  for (size_t i = 0; i < all.size(); ++i) {
    const clients::Client& c = all[i];
    if (i == 11) continue;
    std::string name = c.legal_name;
    std::string status = c.status;
    if (i == 3) name += " (formerly " + c.legal_name.substr(0, c.legal_name.find(' ')) + " Partners)";
    if (i == 7) status = status == "active" ? "on_hold" : "active";
    if (i == 15) {
      for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      name = "  " + name;
    }
    csv += c.external_ref + ",\"" + name + "\"," + status + "\r\n";
  }
  return csv + "CL-99999,Phantom Traders LLC,active\r\n";
}

constexpr const char* kCrmSpec = R"toml([left]
name = "crm"
key = ["external_ref"]

[right]
name = "concord"
key = ["external_ref"]

[compare]
same_name = false

[[columns]]
left = "legal_name"
normalize = ["trim", "collapse_spaces", "casefold"]

[[columns]]
left = "status"
normalize = ["casefold"]
)toml";

// A saved spec and a queued run (it completes when `serve` starts), so the Reconciliation module has
// work on the first login.
Status AddReconciliation(Platform& p, const auth::Principal& coordinator, const std::vector<clients::Client>& all) {
  reconciliation::SpecInput spec{"Client master list: CRM vs concord", kCrmSpec, std::nullopt};
  const auto saved = TRY(p.reconciliation->CreateSpec(coordinator, spec, "demo"));
  const auto crm = TRY(p.reconciliation->Upload(coordinator, "crm-clients.csv", CrmExport(all), std::nullopt, "demo"));
  const auto ours = TRY(p.reconciliation->SnapshotSource(coordinator, "clients", "demo"));
  TRY(p.reconciliation->StartRun(coordinator, saved.id, crm.id, ours.id, "demo"));
  return {};
}

}  // namespace

Result<std::vector<DemoLogin>> GenerateDemo(Platform& p, uint64_t seed, DemoSize size) {
  Random rng(seed);
  const int client_count = size == DemoSize::kSmall ? 60 : 2000;
  const Staff staff = TRY(AddStaff(p, rng, size == DemoSize::kSmall ? 8 : 40));
  auth::Principal system{.user_id = staff.coordinators.front(), .name = "Casey Coordinator",
                         .role = auth::Role::kAdmin};
  std::set<std::string> used_names;
  std::vector<int64_t> client_ids;
  std::vector<clients::Client> created;
  for (int i = 0; i < client_count; ++i) {
    auto client = TRY(p.clients->Create(system, MakeClient(rng, staff, i, used_names), "demo"));
    client_ids.push_back(client.id);
    created.push_back(client);
    const int contacts = 1 + static_cast<int>(rng.Below(4));
    for (int k = 0; k < contacts; ++k) {
      std::string first = rng.Pick(names::kFirstNames), last = rng.Pick(names::kLastNames);
      const std::string domain = Slug(client.legal_name) + ".example";
      const int channel = static_cast<int>(rng.Below(10));
      clients::ContactInput contact{first + " " + last, rng.Pick(names::kContactRoles), "",
                                    Slug(first) + "." + Slug(last) + "@" + domain,
                                    "+1 " + Digits(rng, 3) + " 555 0" + Digits(rng, 3),
                                    channel < 6 ? "email" : channel < 8 ? "phone" : channel < 9 ? "chat" : "portal",
                                    k == 0};
      TRY(p.clients->AddContact(system, client.id, contact, "demo"));
    }
  }
  const auth::Principal coordinator{.user_id = staff.coordinators.front(), .name = "Casey Coordinator",
                                    .role = auth::Role::kCoordinator};
  TRY(AddReconciliation(p, coordinator, created));
  const auth::Principal manager{.user_id = staff.executives.front(), .name = "Morgan Manager",
                                .role = auth::Role::kManager};
  TRY(AddWorkforceDemo(p, manager, seed, size));
  TRY(AddEorDemo(p, coordinator, client_ids, seed, size == DemoSize::kSmall ? 1 : 6));
  TRY(AddAgencyDemo(p, created, staff.executives, staff.coordinators, size == DemoSize::kSmall ? 4 : 12, seed));
  TRY(AddServiceDemo(p, seed, size, {staff.coordinators, staff.executives}, created));
  // The demo client user belongs to the first client; a second one to the second, for isolation demos.
  TRY(AddUser(p, "client@concord.test", "Dana Client", auth::Role::kClientUser, {client_ids.front()}));
  TRY(AddUser(p, "client2@concord.test", "Jamie Client", auth::Role::kClientUser, {client_ids.at(1)}));
  // The generated reminders and messages stay in the outbox, held: their addresses are made up.
  TRY(p.db->TransactStatus([](store::Connection& c) -> Status {
    TRY(mail::HoldQueued(c, "Demo data: generated, not sent."));
    return {};
  }));
  return std::vector<DemoLogin>{
      {"admin@concord.test", "admin", "everything, including users and tax ids"},
      {"manager@concord.test", "manager", "all clients, reveals tax ids"},
      {"coordinator@concord.test", "coordinator", "works client accounts"},
      {"client@concord.test", "client_user", "sees only their own client"},
      {"worker@concord.test", "worker", "their own assignments and timecards"},
  };
}

}  // namespace concord::app
