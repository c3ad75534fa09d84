// Every migration the service desk's tables depend on, in order: cases link to clients, workers and
// reconciliation items, notices go through the outbox.
#pragma once

#include <vector>

#include "auth/accounts.h"
#include "clients/client_store.h"
#include "mail/outbox.h"
#include "reconciliation/work_store.h"
#include "service/desk.h"
#include "store/migrate.h"
#include "workforce/service.h"

namespace concord::service::testing {

inline std::vector<store::Migration> DeskTestMigrations() {
  std::vector<store::Migration> migrations;
  for (auto list : {audit::Migrations(), auth::Migrations(), jobs::Migrations(), clients::Migrations(),
                    reconciliation::Migrations(), workforce::Migrations(), mail::Migrations(), Migrations()})
    migrations.insert(migrations.end(), list.begin(), list.end());
  return migrations;
}

}  // namespace concord::service::testing
