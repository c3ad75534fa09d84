// Small helpers the service desk's store files share (not part of the module's public face).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "store/db.h"

namespace concord::service {

// A JSON text column holding a list of strings; anything else reads as empty.
inline std::vector<std::string> TextList(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// Appends " AND (LOWER(c1) LIKE ? OR … [OR id_column = n])": the text anywhere in the columns, or the
// record number itself when the text is one ("#12" or "12").
void AppendTextSearch(const std::string& text, const std::vector<std::string>& columns, const std::string& id_column,
                      std::string& where, std::vector<store::Value>& params);

// 412 for a write based on an old version of the record.
inline Error Stale(const std::string& what) {
  return {ErrorKind::kPreconditionFailed, what + ".stale",
          "Someone else saved this record since you opened it. Reload to see their changes.", {}};
}

}  // namespace concord::service
