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

}  // namespace concord::store
