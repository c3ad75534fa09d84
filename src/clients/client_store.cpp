#include "clients/client_store.h"

#include "store/sql.h"
#include "store/time.h"

namespace concord::clients {
namespace {

constexpr const char* kColumns =
    "c.id, c.external_ref, c.legal_name, c.dba, c.tax_id_sealed, c.tax_id_masked, c.industry, c.status, c.archived, "
    "c.addresses, c.service_notes, c.processing_instructions, c.version, c.created_at, c.updated_at";

Error StaleVersion() {
  return {ErrorKind::kPreconditionFailed, "client.stale",
          "Someone else saved this record since you opened it. Reload to see their changes.", {}};
}

std::string SortExpression(const std::string& sort) {
  if (sort == "updated_at") return "c.updated_at";
  if (sort == "dba" || sort == "industry" || sort == "status") return "LOWER(c." + sort + ")";
  return "LOWER(c.legal_name)";
}

std::vector<Address> AddressesFromJson(const std::string& text) {
  std::vector<Address> out;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return out;
  for (const auto& a : json) {
    out.push_back({a.value("kind", "billing"), a.value("line1", ""), a.value("line2", ""), a.value("city", ""),
                   a.value("region", ""), a.value("postal_code", ""), a.value("country", "US")});
  }
  return out;
}

std::string AddressesToJson(const std::vector<Address>& addresses) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : addresses) {
    out.push_back({{"kind", a.kind}, {"line1", a.line1}, {"line2", a.line2}, {"city", a.city}, {"region", a.region},
                   {"postal_code", a.postal_code}, {"country", a.country}});
  }
  return out.dump();
}

Client FromRow(const store::Row& r) {
  Client c;
  c.id = r.Int(0);
  c.external_ref = r.Text(1);
  c.legal_name = r.Text(2);
  c.dba = r.Text(3);
  c.tax_id_sealed = r.Text(4);
  c.tax_id_masked = r.Text(5);
  c.industry = r.Text(6);
  c.status = r.Text(7);
  c.archived = r.Int(8) != 0;
  c.addresses = AddressesFromJson(r.Text(9));
  c.service_notes = r.Text(10);
  c.processing_instructions = r.Text(11);
  c.version = r.Int(12);
  c.created_at = r.Text(13);
  c.updated_at = r.Text(14);
  return c;
}

Status LoadTeams(store::Connection& conn, std::vector<Client>& clients) {
  if (clients.empty()) return {};
  std::string sql =
      "SELECT t.client_id, t.user_id, u.name, t.role FROM client_team t JOIN users u ON u.id = t.user_id "
      "WHERE t.client_id IN (";
  std::vector<store::Value> params;
  for (size_t i = 0; i < clients.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(clients[i].id);
  }
  sql += ") ORDER BY t.role, u.name";
  auto rows = TRY(conn.Query(sql, params));
  for (const auto& row : rows) {
    for (auto& c : clients) {
      if (c.id == row.Int(0)) c.account_team.push_back({row.Int(1), row.Text(2), row.Text(3)});
    }
  }
  return {};
}

Status SaveTeam(store::Connection& conn, const Client& client) {
  TRY(conn.Execute("DELETE FROM client_team WHERE client_id = ?", {client.id}));
  for (const auto& m : client.account_team) {
    auto inserted = conn.Execute("INSERT INTO client_team (client_id, user_id, role) VALUES (?, ?, ?)",
                                 {client.id, m.user_id, m.role});
    if (!inserted.ok()) {
      if (inserted.error().code == "store.foreign_key_violation") {
        return Error::Invalid("team.user_unknown", "An account-team member is not a user.",
                              {{"account_team", "team.user_unknown", "No user has id " + std::to_string(m.user_id)}});
      }
      if (inserted.error().code == "store.unique_violation") continue;  // the same person twice in one role
      return std::move(inserted).error();
    }
  }
  return {};
}

store::Value TextOrNull(const std::string& text) { return text.empty() ? store::Null() : store::Value(text); }

Contact ContactFromRow(const store::Row& r) {
  Contact c;
  c.id = r.Int(0);
  c.client_id = r.Int(1);
  c.name = r.Text(2);
  c.role = r.Text(3);
  c.title = r.Text(4);
  c.email = r.Text(5);
  c.phone = r.Text(6);
  c.preferred_channel = r.Text(7);
  c.is_primary = r.Int(8) != 0;
  c.version = r.Int(9);
  return c;
}

constexpr const char* kContactColumns =
    "id, client_id, name, role, title, email, phone, preferred_channel, is_primary, version";

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"0100_clients", R"sql(
CREATE TABLE clients (
  id {{pk}},
  external_ref TEXT UNIQUE,
  legal_name TEXT NOT NULL,
  dba TEXT NOT NULL DEFAULT '',
  tax_id_sealed TEXT,
  tax_id_masked TEXT,
  tax_id_index TEXT UNIQUE,
  industry TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  archived {{int}} NOT NULL DEFAULT 0,
  addresses TEXT NOT NULL DEFAULT '[]',
  service_notes TEXT NOT NULL DEFAULT '',
  processing_instructions TEXT NOT NULL DEFAULT '',
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clients_legal_name ON clients (LOWER(legal_name), id);
CREATE INDEX clients_updated ON clients (updated_at, id);
CREATE TABLE client_team (
  client_id {{int}} NOT NULL REFERENCES clients(id),
  user_id {{int}} NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (client_id, user_id, role)
);
CREATE TABLE contacts (
  id {{pk}},
  client_id {{int}} NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  preferred_channel TEXT NOT NULL DEFAULT 'email',
  is_primary {{int}} NOT NULL DEFAULT 0,
  version {{int}} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_client ON contacts (client_id, name)
)sql"}};
}

Result<ListPage> ListClients(store::Connection& conn, const Scope& scope, const ListQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(scope, "c.id", where, params);
  if (q.q && !q.q->empty()) {
    where += " AND (LOWER(c.legal_name) LIKE ? OR LOWER(c.dba) LIKE ? OR LOWER(COALESCE(c.external_ref, '')) LIKE ?)";
    std::string pattern;
    for (char ch : *q.q) {
      if (ch == '%' || ch == '_') continue;  // wildcards are not search text
      pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern = "%" + pattern + "%";
    params.insert(params.end(), {pattern, pattern, pattern});
  }
  if (q.status) {
    where += " AND c.status = ?";
    params.emplace_back(*q.status);
  }
  if (q.industry) {
    where += " AND c.industry = ?";
    params.emplace_back(*q.industry);
  }
  if (q.archived != "all") where += q.archived == "true" ? " AND c.archived = 1" : " AND c.archived = 0";

  ListPage page;
  auto count = TRY(conn.QueryOne("SELECT COUNT(*) FROM clients c" + where, params));
  page.total = count.Int(0);

  const std::string key = SortExpression(q.sort);
  std::string sql = std::string("SELECT ") + kColumns + ", " + key + " AS sort_key FROM clients c" + where;
  store::AppendKeysetPage(key, "c.id", q.descending, q.after_key, q.after_id, q.limit, sql, params);
  auto rows = TRY(conn.Query(sql, params));
  for (const auto& row : rows) {
    page.items.push_back(FromRow(row));
    page.sort_keys.push_back(row.Text(15));
  }
  TRY(LoadTeams(conn, page.items));
  return page;
}

Result<Client> LoadClient(store::Connection& conn, const Scope& scope, int64_t id) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM clients c WHERE c.id = ?";
  std::vector<store::Value> params{id};
  store::AppendScope(scope, "c.id", sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) return Error::NotFound("client.not_found", "No client " + std::to_string(id) + ".");
  std::vector<Client> one{FromRow(rows.front())};
  TRY(LoadTeams(conn, one));
  return std::move(one.front());
}

Result<std::optional<Client>> FindForImport(store::Connection& conn, const std::string& external_ref,
                                            const std::string& tax_id_index, const std::string& legal_name) {
  const std::string base = std::string("SELECT ") + kColumns + " FROM clients c WHERE ";
  store::Rows rows;
  if (!external_ref.empty()) {
    rows = TRY(conn.Query(base + "c.external_ref = ?", {external_ref}));
  } else if (!tax_id_index.empty()) {
    rows = TRY(conn.Query(base + "c.tax_id_index = ?", {tax_id_index}));
  }
  if (rows.empty() && external_ref.empty()) {
    rows = TRY(conn.Query(base + "LOWER(c.legal_name) = LOWER(?) ORDER BY c.id LIMIT 1", {legal_name}));
  }
  if (rows.empty()) return std::optional<Client>();
  std::vector<Client> one{FromRow(rows.front())};
  TRY(LoadTeams(conn, one));
  return std::optional<Client>(std::move(one.front()));
}

Result<int64_t> InsertClient(store::Connection& conn, const Client& c, const std::string& tax_id_index) {
  auto row = conn.QueryOne(
      "INSERT INTO clients (external_ref, legal_name, dba, tax_id_sealed, tax_id_masked, tax_id_index, industry, "
      "status, archived, addresses, service_notes, processing_instructions, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {TextOrNull(c.external_ref), c.legal_name, c.dba, TextOrNull(c.tax_id_sealed), TextOrNull(c.tax_id_masked),
       TextOrNull(tax_id_index), c.industry, c.status, int64_t{c.archived ? 1 : 0}, AddressesToJson(c.addresses),
       c.service_notes, c.processing_instructions, c.created_at, c.updated_at});
  if (!row.ok()) {
    if (row.error().code == "store.unique_violation") {
      const bool tax = row.error().message.find("tax_id") != std::string::npos;
      return Error::Invalid(tax ? "client.tax_id_taken" : "client.external_ref_taken",
                            tax ? "Another client has this tax id." : "Another client has this external reference.",
                            {{tax ? "tax_id" : "external_ref", tax ? "client.tax_id_taken" : "client.external_ref_taken",
                              "Already used by another client."}});
    }
    return std::move(row).error();
  }
  Client saved = c;
  saved.id = row->Int(0);
  TRY(SaveTeam(conn, saved));
  return saved.id;
}

Status UpdateClient(store::Connection& conn, const Client& c, int64_t expected_version,
                    const std::optional<std::string>& tax_id_index) {
  std::string sql =
      "UPDATE clients SET external_ref = ?, legal_name = ?, dba = ?, tax_id_sealed = ?, tax_id_masked = ?, "
      "industry = ?, status = ?, archived = ?, addresses = ?, service_notes = ?, processing_instructions = ?, "
      "version = version + 1, updated_at = ?";
  std::vector<store::Value> params{TextOrNull(c.external_ref), c.legal_name, c.dba, TextOrNull(c.tax_id_sealed),
                                   TextOrNull(c.tax_id_masked), c.industry, c.status, int64_t{c.archived ? 1 : 0},
                                   AddressesToJson(c.addresses), c.service_notes, c.processing_instructions,
                                   c.updated_at};
  if (tax_id_index) {
    sql += ", tax_id_index = ?";
    params.push_back(TextOrNull(*tax_id_index));
  }
  sql += " WHERE id = ? AND version = ?";
  params.insert(params.end(), {c.id, expected_version});
  auto changed = conn.Execute(sql, params);
  if (!changed.ok()) {
    if (changed.error().code == "store.unique_violation") {
      const bool tax = changed.error().message.find("tax_id") != std::string::npos;
      return Error::Invalid("client.duplicate", "Another client has this " + std::string(tax ? "tax id." : "reference."),
                            {{tax ? "tax_id" : "external_ref", "client.duplicate", "Already used by another client."}});
    }
    return std::move(changed).error();
  }
  if (*changed == 0) return StaleVersion();
  return SaveTeam(conn, c);
}

Result<std::vector<Contact>> ListContacts(store::Connection& conn, int64_t client_id) {
  auto rows = TRY(conn.Query(std::string("SELECT ") + kContactColumns +
                                 " FROM contacts WHERE client_id = ? ORDER BY is_primary DESC, LOWER(name), id",
                             {client_id}));
  std::vector<Contact> out;
  for (const auto& row : rows) out.push_back(ContactFromRow(row));
  return out;
}

Result<Contact> LoadContact(store::Connection& conn, int64_t client_id, int64_t contact_id) {
  auto row = TRY(conn.QueryOne(std::string("SELECT ") + kContactColumns + " FROM contacts WHERE id = ? AND client_id = ?",
                               {contact_id, client_id}, "contact.not_found"));
  return ContactFromRow(row);
}

Result<int64_t> InsertContact(store::Connection& conn, const Contact& c) {
  const std::string now = store::NowText();
  auto row = TRY(conn.QueryOne(
      "INSERT INTO contacts (client_id, name, role, title, email, phone, preferred_channel, is_primary, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {c.client_id, c.name, c.role, c.title, c.email, c.phone, c.preferred_channel, int64_t{c.is_primary ? 1 : 0}, now,
       now}));
  return row.Int(0);
}

Status UpdateContact(store::Connection& conn, const Contact& c, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute(
      "UPDATE contacts SET name = ?, role = ?, title = ?, email = ?, phone = ?, preferred_channel = ?, is_primary = ?, "
      "version = version + 1, updated_at = ? WHERE id = ? AND client_id = ? AND version = ?",
      {c.name, c.role, c.title, c.email, c.phone, c.preferred_channel, int64_t{c.is_primary ? 1 : 0}, store::NowText(),
       c.id, c.client_id, expected_version}));
  if (changed == 0) return StaleVersion();
  return {};
}

Status DeleteContact(store::Connection& conn, int64_t client_id, int64_t contact_id, int64_t expected_version) {
  const int64_t changed = TRY(conn.Execute("DELETE FROM contacts WHERE id = ? AND client_id = ? AND version = ?",
                                           {contact_id, client_id, expected_version}));
  if (changed == 0) return StaleVersion();
  return {};
}

Status ClearPrimaryContact(store::Connection& conn, int64_t client_id, int64_t except_id) {
  TRY(conn.Execute("UPDATE contacts SET is_primary = 0, version = version + 1 WHERE client_id = ? AND id <> ? AND "
                   "is_primary = 1",
                   {client_id, except_id}));
  return {};
}

}  // namespace concord::clients
