// Client accounts' use cases: each runs in one transaction, applies the rules, saves, and appends the
// audit event. The caller's principal gives the scope (which clients) and the actor; permissions are
// checked by the api layer before a use case is called.
#pragma once

#include <string>

#include "auth/principal.h"
#include "clients/client_store.h"
#include "crypto/crypto.h"
#include "io/table.h"
#include "jobs/jobs.h"

namespace concord::clients {

struct ImportReport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  bool dry_run = false;
};

class ClientService {
 public:
  ClientService(store::Database& db, const crypto::FieldKey& key) : db_(db), key_(key) {}

  Result<ListPage> List(const auth::Principal& caller, const ListQuery& query);
  Result<Client> Get(const auth::Principal& caller, int64_t id);
  Result<Client> Create(const auth::Principal& caller, const ClientInput& input, const std::string& request_id);
  Result<Client> Update(const auth::Principal& caller, int64_t id, int64_t expected_version, const ClientInput& input,
                        const std::string& request_id);
  Result<Client> SetArchived(const auth::Principal& caller, int64_t id, int64_t expected_version, bool archived,
                             const std::string& request_id);
  // The tax id in clear; the read itself is audited.
  Result<std::string> RevealTaxId(const auth::Principal& caller, int64_t id, const std::string& request_id);

  Result<std::vector<Contact>> Contacts(const auth::Principal& caller, int64_t client_id);
  Result<Contact> AddContact(const auth::Principal& caller, int64_t client_id, const ContactInput& input,
                             const std::string& request_id);
  Result<Contact> EditContact(const auth::Principal& caller, int64_t client_id, int64_t contact_id,
                              int64_t expected_version, const ContactInput& input, const std::string& request_id);
  Status RemoveContact(const auth::Principal& caller, int64_t client_id, int64_t contact_id, int64_t expected_version,
                       const std::string& request_id);

  // CSV import: validates the whole file, then applies every row in one transaction or none.
  // Rows match existing clients by external_ref, else tax id, else legal name; importing the same
  // file twice changes nothing the second time.
  Result<ImportReport> Import(const auth::Principal& caller, const std::string& csv, const std::string& file_name,
                              bool dry_run, const std::string& request_id);

  // Every client matching the query (no paging), as an export table; reports progress when given.
  Result<io::Table> ExportTable(const Scope& scope, ListQuery query, jobs::Progress* progress = nullptr);
  // Registers the "clients.export_xlsx" background job.
  void RegisterJobs(jobs::Registry& registry);

 private:
  // Encrypts, masks and indexes a tax id input onto the record; returns the blind index to store.
  std::optional<std::string> SealTaxId(const std::optional<std::string>& input, Client& client) const;
  Result<Client> Reload(store::Connection& conn, int64_t id);
  store::Database& db_;
  const crypto::FieldKey& key_;
};

// The audit view of a client: everything the API shows (tax id masked, never in clear).
nlohmann::json AuditJson(const Client& client);

}  // namespace concord::clients
