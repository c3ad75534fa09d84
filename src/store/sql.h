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

}  // namespace concord::store
