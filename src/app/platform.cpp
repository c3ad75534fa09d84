#include "app/platform.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>

#include "agency/routes.h"
#include "audit/audit.h"
#include "audit/routes.h"
#include "auth/accounts.h"
#include "auth/routes.h"
#include "clients/routes.h"
#include "jobs/routes.h"
#include "mail/outbox.h"
#include "mail/routes.h"
#include "reconciliation/routes.h"
#include "service/routes.h"
#include "store/migrate.h"
#include "workforce/reminders.h"
#include "workforce/routes.h"
#include "workforce/routes_cases.h"
#include "workforce/routes_comms.h"
#include "wfm/routes.h"

namespace concord::app {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool IsPostgres(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::vector<store::Migration> AllMigrations() {
  std::vector<store::Migration> all;
  for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), mail::Migrations(), clients::Migrations(),
                    reconciliation::Migrations(), wfm::Migrations(), workforce::Migrations(), workforce::CommsMigrations(),
                    agency::Migrations(), service::Migrations()}) {
    all.insert(all.end(), list.begin(), list.end());
  }
  return all;
}

Result<crypto::FieldKey> LoadKey(const Config& config, bool create) {
  if (const std::string text = Env("CONCORD_KEY"); !text.empty()) return crypto::FieldKey::FromBase64(text);
  std::string file = !config.key_file.empty() ? config.key_file : Env("CONCORD_KEY_FILE");
  if (file.empty()) {
    if (IsPostgres(config.db)) {
      return Error::Invalid("config.no_key",
                            "With PostgreSQL, give the field-encryption key: --key-file FILE, CONCORD_KEY_FILE or "
                            "CONCORD_KEY (32 bytes, base64). Every instance must use the same key.");
    }
    file = config.db + ".key";
  }
  return crypto::FieldKey::FromFile(file, create);
}

// The service desk's cases and logged calls count in workforce management's interval history: a desk
// queue joins the WFM queue keyed by its name (wfm::QueueKeyFor).
void FeedDeskContactsToWfm(service::ServiceDesk& desk, wfm::WfmService& wfm) {
  wfm.RegisterContactSource(
      [&desk](const std::string& key, Instant from, Instant to) -> Result<std::vector<wfm::QueuedContact>> {
        std::vector<wfm::QueuedContact> contacts;
        for (const auto& arrival : TRY(desk.ContactArrivals(from.ToString(), to.ToString()))) {
          if (wfm::QueueKeyFor(arrival.queue_name) != key) continue;
          contacts.push_back({key, TRY(Instant::Parse(arrival.arrived_at)),
                              std::chrono::seconds(arrival.handle_seconds), true});
        }
        return contacts;
      });
}

}  // namespace

void Config::AddOptions(CLI::App& command) {
  command.add_option("--db", db, "SQLite file or postgresql:// URL (default: $CONCORD_DB or var/concord.db)");
  command.add_option("--key-file", key_file, "Field-encryption key file (default: $CONCORD_KEY_FILE or <db>.key)");
}

Result<std::unique_ptr<Platform>> OpenPlatform(const Config& config_in, bool create_key) {
  Config config = config_in;
  if (config.db.empty()) config.db = Env("CONCORD_DB");
  if (config.db.empty()) config.db = "var/concord.db";
  if (!IsPostgres(config.db)) {
    const auto parent = std::filesystem::path(config.db).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  auto platform = std::make_unique<Platform>();
  platform->key = TRY(LoadKey(config, create_key || !IsPostgres(config.db)));
  platform->db = TRY(store::Database::Open(config.db, {.pool_size = 16}));
  TRY(store::Migrate(*platform->db, AllMigrations()));
  platform->accounts = std::make_unique<auth::Accounts>(*platform->db);
  mail::RegisterDelivery(platform->jobs, *platform->db, mail::DeliveryConfig::FromEnvironment());
  platform->clients = std::make_unique<clients::ClientService>(*platform->db, platform->key);
  platform->clients->RegisterJobs(platform->jobs);
  platform->reconciliation = std::make_unique<reconciliation::ReconciliationService>(*platform->db);
  platform->reconciliation->RegisterJobs(platform->jobs);
  platform->wfm = std::make_unique<wfm::WfmService>(*platform->db);
  platform->wfm->RegisterJobs(platform->jobs);
  platform->agency = std::make_unique<agency::Module>(*platform->db);
  platform->agency->RegisterJobs(platform->jobs);
  platform->service = std::make_unique<service::ServiceDesk>(*platform->db);
  platform->service->RegisterJobs(platform->jobs);
  TRY(platform->service->ScheduleJobs());
  FeedDeskContactsToWfm(*platform->service, *platform->wfm);
  clients::ClientService* client_service = platform->clients.get();
  platform->reconciliation->RegisterSource(
      "clients", "Client accounts: id, external_ref, legal_name, dba, tax_id (masked), industry, status, city, ...",
      [client_service](const auth::Principal& caller) {
        clients::ListQuery everything;
        everything.archived = "all";
        return client_service->ExportTable(caller.ClientScope(), everything);
      });
  platform->workforce = std::make_unique<workforce::WorkforceService>(*platform->db, platform->key);
  platform->workforce->UseReconciliation(platform->reconciliation.get());
  platform->workforce->RegisterJobs(platform->jobs);
  platform->workforce_comms = std::make_unique<workforce::Comms>(*platform->db);
  TRY(workforce::ScheduleWeeklyReminders(*platform->db,
                                         std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
  workforce::WorkforceService* workforce_service = platform->workforce.get();
  platform->reconciliation->RegisterSource(
      "assignments",
      "Assignments as a VMS shows them: work_order_id, worker, email, dates, pay/bill rate, vms_status, manager",
      [workforce_service](const auth::Principal& caller) { return workforce_service->AssignmentsTable(caller); });
  return platform;
}

void InstallRoutes(http::Router& router, Platform& platform) {
  auth::InstallAuth(router, *platform.accounts);
  clients::InstallRoutes(router, *platform.clients, *platform.db);
  reconciliation::InstallRoutes(router, *platform.reconciliation);
  workforce::InstallRoutes(router, *platform.workforce);
  workforce::InstallCommsRoutes(router, *platform.workforce, *platform.workforce_comms);
  wfm::InstallRoutes(router, *platform.wfm);
  agency::InstallRoutes(router, *platform.agency);
  service::InstallRoutes(router, *platform.service);
  workforce::InstallCaseRoutes(router, *platform.workforce, *platform.service);
  jobs::InstallRoutes(router, *platform.db);
  mail::InstallRoutes(router, *platform.db);
  audit::InstallRoutes(router, *platform.db);
  router.Add(
      "GET", "/api/v1/openapi.json",
      [&router](http::Context&) {
        nlohmann::json doc = router.OpenApi("concord", "0.1.0");
        nlohmann::json schemas = ComponentSchemas();  // outlives the loop over its items
        schemas.update(agency::OpenApiSchemas());
        schemas.update(workforce::ComponentSchemas());
        for (const auto& [name, schema] : schemas.items()) doc["components"]["schemas"][name] = schema;
        return http::Response::Json(doc);
      },
      {"This OpenAPI document, generated from the registered routes", "meta", false, nullptr, nullptr});
}

}  // namespace concord::app
