// A workforce record table described once — its columns, tenancy and search/sort columns — so loading,
// listing (search, filters, sort, keyset pages), inserting and versioned updates are written once for
// programmes, workers, PSRs, assignments, documents, timecards… Records travel as JSON objects whose
// members are the columns (plus id, version, created_at, updated_at and read-only extras).
//
// Tenancy is applied in every WHERE clause: internal users see every row; a client user the rows of
// their clients; a worker user only rows whose worker column is their worker id (none when the table
// has no worker column). A row outside the caller's tenancy is simply not found (404).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "store/db.h"

namespace concord::workforce {

enum class ColumnKind {
  kText,    // string or null
  kInt,     // integer or null
  kBool,    // stored 0/1
  kJson,    // stored as JSON text
  kSecret,  // stored text never shown by Public() (sealed tax ids, blind indexes)
};

struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
};

struct TableMap {
  std::string entity;  // audit entity and error-code prefix: "programme"
  std::string table;   // "wf_programmes"; aliased as t in every query
  std::vector<Column> columns;  // besides id, version, created_at, updated_at
  // Read-only members computed in SQL (alias → expression over t), e.g. the worker's name.
  std::vector<std::pair<std::string, std::string>> extras;
  // Client tenancy: "t.client_id IN (…)", or, when set, this clause with {ids} replaced by the client ids
  // (workers belong to the clients of their assignments).
  std::string client_scope_clause;
  std::string worker_column;        // empty: worker users see no row of this table
  std::vector<std::string> search;  // columns or extras matched by q (case-insensitive substring)
  std::vector<std::string> sorts;   // columns or extras a list may sort by (text order)
  std::string default_sort = "id";

  const Column* Find(const std::string& name) const;
};

// Appends the caller's tenancy clause for table alias t.
void AppendTenancy(const auth::Principal& caller, const TableMap& map, std::string& sql,
                   std::vector<store::Value>& params);

struct ListRequest {
  std::optional<std::string> q;
  std::vector<std::pair<std::string, std::string>> equals;  // column = value
  std::string where;                                        // extra " AND …" over t, with `params`
  std::vector<store::Value> params;
  std::string sort = "id";
  bool descending = false;
  int limit = 50;
  std::optional<std::string> after_key;
  std::optional<int64_t> after_id;
};

struct RecordPage {
  std::vector<nlohmann::json> items;
  std::vector<std::string> sort_keys;
  int64_t total = 0;
};

// Returns the SQL expression of a column or extra (for sorts and filters), or "" when unknown.
std::string Expression(const TableMap& map, const std::string& name);

Result<RecordPage> ListRecords(store::Connection& conn, const TableMap& map, const auth::Principal& caller,
                               const ListRequest& request);
// Every matching row, page by page (exports, reports, sources).
Result<std::vector<nlohmann::json>> AllRecords(store::Connection& conn, const TableMap& map,
                                               const auth::Principal& caller, ListRequest request);
// 404 "<entity>.not_found" when missing or outside the caller's tenancy.
Result<nlohmann::json> LoadRecord(store::Connection& conn, const TableMap& map, const auth::Principal& caller,
                                  int64_t id);
Result<int64_t> InsertRecord(store::Connection& conn, const TableMap& map, const nlohmann::json& record);
// Writes every column if the stored version is `expected_version` (412 "<entity>.stale" otherwise).
Status UpdateRecord(store::Connection& conn, const TableMap& map, const nlohmann::json& record,
                    int64_t expected_version);
// The record without secret columns: what the API and the audit trail show.
nlohmann::json Public(const TableMap& map, nlohmann::json record);

// An internal principal for system work (jobs, sources): sees every row.
auth::Principal SystemPrincipal();

}  // namespace concord::workforce
