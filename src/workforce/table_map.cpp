#include "workforce/table_map.h"

#include <cctype>

#include "store/sql.h"
#include "store/time.h"

namespace concord::workforce {
namespace {

using nlohmann::json;

std::string SelectList(const TableMap& map) {
  std::string out = "t.id, t.version, t.created_at, t.updated_at";
  for (const auto& c : map.columns) out += ", t." + c.name;
  for (const auto& [alias, expression] : map.extras) out += ", " + expression + " AS " + alias;
  return out;
}

json FromRow(const TableMap& map, const store::Row& row) {
  json out = {{"id", row.Int(0)}, {"version", row.Int(1)}, {"created_at", row.Text(2)}, {"updated_at", row.Text(3)}};
  int i = 4;
  for (const auto& c : map.columns) {
    switch (c.kind) {
      case ColumnKind::kInt:
        out[c.name] = row.IsNull(i) ? json(nullptr) : json(row.Int(i));
        break;
      case ColumnKind::kBool:
        out[c.name] = row.Int(i) != 0;
        break;
      case ColumnKind::kJson:
        out[c.name] = row.IsNull(i) ? json(nullptr) : json::parse(row.Text(i), nullptr, false);
        break;
      default:
        out[c.name] = row.IsNull(i) ? json(nullptr) : json(row.Text(i));
    }
    ++i;
  }
  for (const auto& extra : map.extras) {
    out[extra.first] = row.IsNull(i) ? json(nullptr) : json(row.Text(i));
    ++i;
  }
  return out;
}

store::Value ToValue(const Column& column, const json& value) {
  if (value.is_null()) return column.kind == ColumnKind::kBool ? store::Value(int64_t{0}) : store::Null();
  switch (column.kind) {
    case ColumnKind::kInt:
      return value.is_number_integer() ? store::Value(value.get<int64_t>()) : store::Null();
    case ColumnKind::kBool:
      return int64_t{value.is_boolean() ? (value.get<bool>() ? 1 : 0) : 0};
    case ColumnKind::kJson:
      return value.dump();
    default:
      return value.is_string() ? store::Value(value.get<std::string>()) : store::Value(value.dump());
  }
}

std::string Pattern(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_') continue;  // wildcards are not search text
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return "%" + out + "%";
}

std::string WhereClause(const TableMap& map, const auth::Principal& caller, const ListRequest& request,
                        std::vector<store::Value>& params) {
  std::string where = " WHERE 1 = 1";
  AppendTenancy(caller, map, where, params);
  if (request.q && !request.q->empty() && !map.search.empty()) {
    where += " AND (";
    for (size_t i = 0; i < map.search.size(); ++i) {
      where += (i ? " OR " : "") + std::string("LOWER(COALESCE(") + Expression(map, map.search[i]) + ", '')) LIKE ?";
      params.emplace_back(Pattern(*request.q));
    }
    where += ")";
  }
  for (const auto& [name, value] : request.equals) {
    where += " AND " + Expression(map, name) + " = ?";
    const Column* column = map.Find(name);
    if (column && (column->kind == ColumnKind::kInt || column->kind == ColumnKind::kBool)) {
      params.emplace_back(static_cast<int64_t>(std::stoll(value)));
    } else {
      params.emplace_back(value);
    }
  }
  where += request.where;
  params.insert(params.end(), request.params.begin(), request.params.end());
  return where;
}

}  // namespace

const Column* TableMap::Find(const std::string& name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string Expression(const TableMap& map, const std::string& name) {
  if (name == "id" || name == "created_at" || name == "updated_at") return "t." + name;
  if (map.Find(name)) return "t." + name;
  for (const auto& [alias, expression] : map.extras) {
    if (alias == name) return expression;
  }
  return "";
}

void AppendTenancy(const auth::Principal& caller, const TableMap& map, std::string& sql,
                   std::vector<store::Value>& params) {
  if (caller.Internal()) return;
  if (caller.role == auth::Role::kWorker) {
    if (map.worker_column.empty() || !caller.worker_id) {
      sql += " AND 1 = 0";
      return;
    }
    sql += " AND t." + map.worker_column + " = ?";
    params.emplace_back(*caller.worker_id);
    return;
  }
  const auto scope = caller.ClientScope();
  if (map.client_scope_clause.empty()) {
    store::AppendScope(scope, "t.client_id", sql, params);
    return;
  }
  if (!scope || scope->empty()) {
    if (scope) sql += " AND 1 = 0";
    return;
  }
  std::string ids;
  for (size_t i = 0; i < scope->size(); ++i) {
    ids += i ? ", ?" : "?";
    params.emplace_back((*scope)[i]);
  }
  std::string clause = map.client_scope_clause;
  clause.replace(clause.find("{ids}"), 5, ids);
  sql += " AND " + clause;
}

Result<RecordPage> ListRecords(store::Connection& conn, const TableMap& map, const auth::Principal& caller,
                               const ListRequest& request) {
  std::vector<store::Value> params;
  const std::string where = WhereClause(map, caller, request, params);
  RecordPage page;
  page.total = TRY(conn.QueryOne("SELECT COUNT(*) FROM " + map.table + " t" + where, params)).Int(0);
  std::string key = Expression(map, request.sort);
  if (key.empty()) key = "t.id";
  const std::string sort_key = key == "t.id" ? key : "COALESCE(" + key + ", '')";
  std::string sql = "SELECT " + SelectList(map) + ", " + sort_key + " AS sort_key FROM " + map.table + " t" + where;
  store::AppendKeysetPage(sort_key, "t.id", request.descending, request.after_key, request.after_id, request.limit, sql,
                          params);
  for (const auto& row : TRY(conn.Query(sql, params))) {
    page.items.push_back(FromRow(map, row));
    page.sort_keys.push_back(row.Text(static_cast<int>(row.size()) - 1));
  }
  return page;
}

Result<std::vector<json>> AllRecords(store::Connection& conn, const TableMap& map, const auth::Principal& caller,
                                     ListRequest request) {
  std::vector<json> out;
  request.limit = 500;
  request.after_key.reset();
  request.after_id.reset();
  for (;;) {
    RecordPage page = TRY(ListRecords(conn, map, caller, request));
    for (auto& item : page.items) out.push_back(std::move(item));
    if (static_cast<int>(page.items.size()) < request.limit) break;
    request.after_key = page.sort_keys.back();
    request.after_id = out.back()["id"].get<int64_t>();
  }
  return out;
}

Result<json> LoadRecord(store::Connection& conn, const TableMap& map, const auth::Principal& caller, int64_t id) {
  std::vector<store::Value> params{id};
  std::string sql = "SELECT " + SelectList(map) + " FROM " + map.table + " t WHERE t.id = ?";
  AppendTenancy(caller, map, sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) {
    return Error::NotFound(map.entity + ".not_found", "No " + map.entity + " " + std::to_string(id) + ".");
  }
  return FromRow(map, rows.front());
}

Result<int64_t> InsertRecord(store::Connection& conn, const TableMap& map, const json& record) {
  const std::string now = store::NowText();
  std::string names = "version, created_at, updated_at";
  std::string marks = "1, ?, ?";
  std::vector<store::Value> params{now, now};
  for (const auto& c : map.columns) {
    names += ", " + c.name;
    marks += ", ?";
    params.push_back(ToValue(c, record.contains(c.name) ? record[c.name] : json(nullptr)));
  }
  auto row = conn.QueryOne("INSERT INTO " + map.table + " (" + names + ") VALUES (" + marks + ") RETURNING id", params);
  if (!row.ok()) {
    if (row.error().code == "store.unique_violation") {
      return Error::Conflict(map.entity + ".duplicate", "This " + map.entity + " already exists.");
    }
    return std::move(row).error();
  }
  return row->Int(0);
}

Status UpdateRecord(store::Connection& conn, const TableMap& map, const json& record, int64_t expected_version) {
  std::string sql = "UPDATE " + map.table + " SET version = version + 1, updated_at = ?";
  std::vector<store::Value> params{store::NowText()};
  for (const auto& c : map.columns) {
    sql += ", " + c.name + " = ?";
    params.push_back(ToValue(c, record.contains(c.name) ? record[c.name] : json(nullptr)));
  }
  sql += " WHERE id = ? AND version = ?";
  params.insert(params.end(), {record["id"].get<int64_t>(), expected_version});
  auto changed = conn.Execute(sql, params);
  if (!changed.ok()) {
    if (changed.error().code == "store.unique_violation") {
      return Error::Conflict(map.entity + ".duplicate", "Another " + map.entity + " has these details.");
    }
    return std::move(changed).error();
  }
  if (*changed == 0) {
    return Error{ErrorKind::kPreconditionFailed, map.entity + ".stale",
                 "Someone else saved this " + map.entity + " since you opened it. Reload to see their changes.",
                 {}};
  }
  return {};
}

json Public(const TableMap& map, json record) {
  for (const auto& c : map.columns) {
    if (c.kind == ColumnKind::kSecret) record.erase(c.name);
  }
  return record;
}

auth::Principal SystemPrincipal() { return {.user_id = 0, .name = "system", .role = auth::Role::kAdmin}; }

}  // namespace concord::workforce
