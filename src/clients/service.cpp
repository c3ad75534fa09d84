#include "clients/service.h"

#include "store/time.h"

namespace concord::clients {
namespace {

Error Invalid(std::vector<FieldError> errors, const std::string& what) {
  return Error::Invalid("request.invalid", what + " has errors; see the fields.", std::move(errors));
}

}  // namespace

nlohmann::json AuditJson(const Client& client) {
  nlohmann::json j = ToJson(client);
  j.erase("version");
  j.erase("created_at");
  j.erase("updated_at");
  for (auto& m : j["account_team"]) m.erase("name");
  return j;
}

std::optional<std::string> ClientService::SealTaxId(const std::optional<std::string>& input, Client& client) const {
  if (!input) return std::nullopt;
  if (input->empty()) {
    client.tax_id_sealed.clear();
    client.tax_id_masked.clear();
    return std::string();
  }
  const std::string ein = *CanonicalEin(*input);
  client.tax_id_sealed = key_.Encrypt(ein);
  client.tax_id_masked = crypto::Mask(ein);
  return key_.BlindIndex(ein);
}

Result<Client> ClientService::Reload(store::Connection& conn, int64_t id) { return LoadClient(conn, std::nullopt, id); }

Result<ListPage> ClientService::List(const auth::Principal& caller, const ListQuery& query) {
  auto conn = TRY(db_.Acquire());
  return ListClients(*conn, caller.ClientScope(), query);
}

Result<Client> ClientService::Get(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  return LoadClient(*conn, caller.ClientScope(), id);
}

Result<Client> ClientService::Create(const auth::Principal& caller, const ClientInput& input,
                                     const std::string& request_id) {
  if (auto errors = ValidateClient(input, true); !errors.empty()) return Invalid(std::move(errors), "The client");
  return db_.Transact<Client>([&](store::Connection& c) -> Result<Client> {
    Client client;
    Apply(input, client);
    const std::string index = SealTaxId(input.tax_id, client).value_or("");
    client.created_at = client.updated_at = store::NowText();
    client.id = TRY(InsertClient(c, client, index));
    Client saved = TRY(Reload(c, client.id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"client", std::to_string(saved.id), saved.id, "create", nullptr, AuditJson(saved)}));
    return saved;
  });
}

Result<Client> ClientService::Update(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                     const ClientInput& input, const std::string& request_id) {
  if (auto errors = ValidateClient(input, false); !errors.empty()) return Invalid(std::move(errors), "The client");
  return db_.Transact<Client>([&](store::Connection& c) -> Result<Client> {
    const Client before = TRY(LoadClient(c, caller.ClientScope(), id));
    Client after = before;
    Apply(input, after);
    const auto index = SealTaxId(input.tax_id, after);
    after.updated_at = store::NowText();
    TRY(UpdateClient(c, after, expected_version, index));
    Client saved = TRY(Reload(c, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"client", std::to_string(id), id, "update", AuditJson(before), AuditJson(saved)}));
    return saved;
  });
}

Result<Client> ClientService::SetArchived(const auth::Principal& caller, int64_t id, int64_t expected_version,
                                          bool archived, const std::string& request_id) {
  return db_.Transact<Client>([&](store::Connection& c) -> Result<Client> {
    const Client before = TRY(LoadClient(c, caller.ClientScope(), id));
    Client after = before;
    after.archived = archived;
    after.updated_at = store::NowText();
    TRY(UpdateClient(c, after, expected_version, std::nullopt));
    Client saved = TRY(Reload(c, id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"client", std::to_string(id), id, archived ? "archive" : "restore", AuditJson(before),
                       AuditJson(saved)}));
    return saved;
  });
}

Result<std::string> ClientService::RevealTaxId(const auth::Principal& caller, int64_t id,
                                               const std::string& request_id) {
  return db_.Transact<std::string>([&](store::Connection& c) -> Result<std::string> {
    const Client client = TRY(LoadClient(c, caller.ClientScope(), id));
    std::string clear;
    if (!client.tax_id_sealed.empty()) clear = TRY(key_.Decrypt(client.tax_id_sealed));
    TRY(audit::Append(c, caller.Actor(request_id), {"client", std::to_string(id), id, "reveal_tax_id", nullptr, nullptr}));
    return clear;
  });
}

Result<std::vector<Contact>> ClientService::Contacts(const auth::Principal& caller, int64_t client_id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadClient(*conn, caller.ClientScope(), client_id));
  return ListContacts(*conn, client_id);
}

Result<Contact> ClientService::AddContact(const auth::Principal& caller, int64_t client_id, const ContactInput& input,
                                          const std::string& request_id) {
  if (auto errors = ValidateContact(input, true); !errors.empty()) return Invalid(std::move(errors), "The contact");
  return db_.Transact<Contact>([&](store::Connection& c) -> Result<Contact> {
    TRY(LoadClient(c, caller.ClientScope(), client_id));
    Contact contact;
    contact.client_id = client_id;
    Apply(input, contact);
    contact.id = TRY(InsertContact(c, contact));
    if (contact.is_primary) TRY(ClearPrimaryContact(c, client_id, contact.id));
    Contact saved = TRY(LoadContact(c, client_id, contact.id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"contact", std::to_string(saved.id), client_id, "create", nullptr, ToJson(saved)}));
    return saved;
  });
}

Result<Contact> ClientService::EditContact(const auth::Principal& caller, int64_t client_id, int64_t contact_id,
                                           int64_t expected_version, const ContactInput& input,
                                           const std::string& request_id) {
  if (auto errors = ValidateContact(input, false); !errors.empty()) return Invalid(std::move(errors), "The contact");
  return db_.Transact<Contact>([&](store::Connection& c) -> Result<Contact> {
    TRY(LoadClient(c, caller.ClientScope(), client_id));
    const Contact before = TRY(LoadContact(c, client_id, contact_id));
    Contact after = before;
    Apply(input, after);
    TRY(UpdateContact(c, after, expected_version));
    if (after.is_primary && !before.is_primary) TRY(ClearPrimaryContact(c, client_id, contact_id));
    Contact saved = TRY(LoadContact(c, client_id, contact_id));
    TRY(audit::Append(c, caller.Actor(request_id),
                      {"contact", std::to_string(contact_id), client_id, "update", ToJson(before), ToJson(saved)}));
    return saved;
  });
}

Status ClientService::RemoveContact(const auth::Principal& caller, int64_t client_id, int64_t contact_id,
                                    int64_t expected_version, const std::string& request_id) {
  return db_.TransactStatus([&](store::Connection& c) -> Status {
    TRY(LoadClient(c, caller.ClientScope(), client_id));
    const Contact before = TRY(LoadContact(c, client_id, contact_id));
    TRY(DeleteContact(c, client_id, contact_id, expected_version));
    return audit::Append(c, caller.Actor(request_id),
                         {"contact", std::to_string(contact_id), client_id, "delete", ToJson(before), nullptr});
  });
}

static std::string TeamText(const Client& c) {
  std::string out;
  for (const auto& m : c.account_team) out += (out.empty() ? "" : "; ") + m.name + " (" + m.role + ")";
  return out;
}

Result<io::Table> ClientService::ExportTable(const Scope& scope, ListQuery query, jobs::Progress* progress) {
  io::Table table{"Clients",
                  {"id", "external_ref", "legal_name", "dba", "tax_id", "industry", "status", "archived", "city",
                   "region", "country", "account_team", "updated_at"},
                  {}};
  auto conn = TRY(db_.Acquire());
  query.limit = 500;
  query.after_key.reset();
  query.after_id.reset();
  for (;;) {
    ListPage page = TRY(ListClients(*conn, scope, query));
    for (const auto& c : page.items) {
      const Address* a = c.addresses.empty() ? nullptr : &c.addresses.front();
      table.rows.push_back({std::to_string(c.id), c.external_ref, c.legal_name, c.dba, c.tax_id_masked, c.industry,
                            c.status, c.archived ? "yes" : "no", a ? a->city : "", a ? a->region : "",
                            a ? a->country : "", TeamText(c), c.updated_at});
    }
    if (progress) {
      progress->Update(static_cast<int64_t>(table.rows.size()), page.total,
                       "Exported " + std::to_string(table.rows.size()) + " of " + std::to_string(page.total));
    }
    if (static_cast<int>(page.items.size()) < query.limit) break;
    query.after_key = page.sort_keys.back();
    query.after_id = page.items.back().id;
  }
  return table;
}

void ClientService::RegisterJobs(jobs::Registry& registry) {
  registry.Register("clients.export_xlsx", [this](const jobs::Job& job, jobs::Progress& progress)
                                               -> Result<jobs::Outcome> {
    Scope scope;
    if (job.payload.contains("client_ids") && job.payload["client_ids"].is_array()) {
      scope = job.payload["client_ids"].get<std::vector<int64_t>>();
    }
    ListQuery query;
    query.archived = job.payload.value("archived", "false");
    io::Table table = TRY(ExportTable(scope, query, &progress));
    std::string bytes = TRY(io::ToXlsx(table));
    return jobs::Outcome{{{"rows", table.rows.size()}},
                         jobs::File{0, "clients.xlsx", io::kXlsxType, std::move(bytes), {}, {}}};
  });
}

}  // namespace concord::clients
