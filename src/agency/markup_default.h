// The agency's default expense mark-up (a setting): what an expense line of an estimate, or a stored expense,
// takes when it has no mark-up of its own (and, for a stored expense, the job's approved estimate has no
// line of its category). Kept beside the other settings in agency_settings (migration 0631).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "store/db.h"

namespace concord::agency {

inline constexpr const char* kDefaultMarkupField = "default_expense_markup_percent";

Result<Decimal> DefaultExpenseMarkup(store::Connection& conn);
Result<Decimal> DefaultExpenseMarkup(store::Database& db);
// The value a settings patch gives (nullopt when it gives none). Error "agency.markup_invalid" (422, field
// default_expense_markup_percent) unless a decimal string from 0 to 1000.
Result<std::optional<Decimal>> DefaultMarkupFromPatch(const nlohmann::json& patch);
Status StoreDefaultExpenseMarkup(store::Connection& conn, const Decimal& percent);

}  // namespace concord::agency
