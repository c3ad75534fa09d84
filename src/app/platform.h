// Wiring shared by every command: where the database and the field-encryption key come from, the
// full list of migrations, and the router with every module's routes.
#pragma once

#include <memory>
#include <string>

#include "agency/module.h"
#include "auth/accounts.h"
#include "clients/service.h"
#include "crypto/crypto.h"
#include "jobs/jobs.h"
#include "reconciliation/service.h"
#include "server/router.h"
#include "service/desk.h"
#include "store/db.h"
#include "workforce/comms.h"
#include "workforce/service.h"
#include "wfm/service.h"

namespace CLI {
class App;
}

namespace concord::app {

struct Config {
  // A SQLite file path or a postgresql:// URL. Default: $CONCORD_DB, else var/concord.db.
  std::string db;
  // The field-encryption key: $CONCORD_KEY (base64), else --key-file / $CONCORD_KEY_FILE, else for
  // SQLite "<db>.key" beside the database (created on first use). PostgreSQL needs one of the first two.
  std::string key_file;
  // Adds --db and --key-file to a command.
  void AddOptions(CLI::App& command);
};

// An open, migrated database with its key: what every command works on.
struct Platform {
  std::unique_ptr<store::Database> db;
  crypto::FieldKey key;
  std::unique_ptr<auth::Accounts> accounts;
  std::unique_ptr<clients::ClientService> clients;
  std::unique_ptr<reconciliation::ReconciliationService> reconciliation;
  std::unique_ptr<workforce::WorkforceService> workforce;
  std::unique_ptr<workforce::Comms> workforce_comms;
  std::unique_ptr<wfm::WfmService> wfm;
  std::unique_ptr<agency::Module> agency;
  std::unique_ptr<service::ServiceDesk> service;
  jobs::Registry jobs;
};

Result<std::unique_ptr<Platform>> OpenPlatform(const Config& config, bool create_key);

// Every module's routes, the auth middleware and GET /api/v1/openapi.json.
void InstallRoutes(http::Router& router, Platform& platform);

// OpenAPI component schemas of the records the API returns.
nlohmann::json ComponentSchemas();

}  // namespace concord::app
