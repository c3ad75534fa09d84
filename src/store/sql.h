// Small helpers for building SQL with bound parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace concord::store {

// Appends " AND <column> IN (?, ?, ...)" for a tenant scope; nullopt means every row (no clause),
// an empty list means none ("AND 1 = 0").
void AppendScope(const std::optional<std::vector<int64_t>>& scope, const std::string& column, std::string& sql,
                 std::vector<Value>& params);

// Keyset pagination: appends the "after this row" condition on (key, id), then ORDER BY key, id and LIMIT.
// When `key` is the id column itself, the cursor compares ids only. Stable under inserts, unlike OFFSET.
void AppendKeysetPage(const std::string& key, const std::string& id_column, bool descending,
                      const std::optional<std::string>& after_key, const std::optional<int64_t>& after_id, int limit,
                      std::string& sql, std::vector<Value>& params);

}  // namespace concord::store
