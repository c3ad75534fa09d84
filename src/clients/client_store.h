// SQL for client accounts. Every read takes the caller's client scope (nullopt = all clients) and
// applies it in the WHERE clause, so a record outside the scope is simply not found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/client.h"
#include "store/db.h"
#include "store/migrate.h"

namespace concord::clients {

using Scope = std::optional<std::vector<int64_t>>;

std::vector<store::Migration> Migrations();

struct ListQuery {
  std::optional<std::string> q;         // matches legal name, DBA or external ref, case-insensitively
  std::optional<std::string> status;
  std::optional<std::string> industry;
  std::string archived = "false";       // "false", "true" or "all"
  std::string sort = "legal_name";      // legal_name, dba, industry, status, updated_at
  bool descending = false;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

struct ListPage {
  std::vector<Client> items;
  std::vector<std::string> sort_keys;   // the sort key of each item, for the next cursor
  int64_t total = 0;
};

Result<ListPage> ListClients(store::Connection& conn, const Scope& scope, const ListQuery& query);
Result<Client> LoadClient(store::Connection& conn, const Scope& scope, int64_t id);
// Finds a client for an import row: by external ref, else by tax-id index, else by legal name.
Result<std::optional<Client>> FindForImport(store::Connection& conn, const std::string& external_ref,
                                            const std::string& tax_id_index, const std::string& legal_name);
Result<int64_t> InsertClient(store::Connection& conn, const Client& client, const std::string& tax_id_index);
// Writes the record if its stored version is `expected_version`; kPreconditionFailed otherwise.
Status UpdateClient(store::Connection& conn, const Client& client, int64_t expected_version,
                    const std::optional<std::string>& tax_id_index);

Result<std::vector<Contact>> ListContacts(store::Connection& conn, int64_t client_id);
Result<Contact> LoadContact(store::Connection& conn, int64_t client_id, int64_t contact_id);
Result<int64_t> InsertContact(store::Connection& conn, const Contact& contact);
Status UpdateContact(store::Connection& conn, const Contact& contact, int64_t expected_version);
Status DeleteContact(store::Connection& conn, int64_t client_id, int64_t contact_id, int64_t expected_version);
Status ClearPrimaryContact(store::Connection& conn, int64_t client_id, int64_t except_id);

}  // namespace concord::clients
