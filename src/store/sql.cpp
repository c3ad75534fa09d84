#include "store/sql.h"

namespace concord::store {

void AppendScope(const std::optional<std::vector<int64_t>>& scope, const std::string& column, std::string& sql,
                 std::vector<Value>& params) {
  if (!scope) return;
  if (scope->empty()) {
    sql += " AND 1 = 0";
    return;
  }
  sql += " AND " + column + " IN (";
  for (size_t i = 0; i < scope->size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back((*scope)[i]);
  }
  sql += ")";
}

void AppendKeysetPage(const std::string& key, const std::string& id_column, bool descending,
                      const std::optional<std::string>& after_key, const std::optional<int64_t>& after_id, int limit,
                      std::string& sql, std::vector<Value>& params) {
  const bool by_id = key == id_column;
  const std::string op = descending ? " < " : " > ";
  if (by_id && after_id) {
    sql += " AND " + id_column + op + "?";
    params.emplace_back(*after_id);
  } else if (!by_id && after_key && after_id) {
    sql += " AND (" + key + op + "? OR (" + key + " = ? AND " + id_column + op + "?))";
    params.insert(params.end(), {*after_key, *after_key, *after_id});
  }
  const char* dir = descending ? " DESC" : " ASC";
  sql += by_id ? " ORDER BY " + id_column + dir : " ORDER BY " + key + dir + ", " + id_column + dir;
  sql += " LIMIT ?";
  params.emplace_back(static_cast<int64_t>(limit));
}

}  // namespace concord::store
