#include "agency/markup_default.h"

#include "agency/agency_error.h"

namespace concord::agency {

Result<Decimal> DefaultExpenseMarkup(store::Connection& conn) {
  const auto row = TRY(conn.QueryOne("SELECT default_expense_markup_percent FROM agency_settings WHERE id = 1", {}));
  return Decimal::Parse(row.Text(0));
}

Result<Decimal> DefaultExpenseMarkup(store::Database& db) {
  auto conn = TRY(db.Acquire());
  return DefaultExpenseMarkup(*conn);
}

Result<std::optional<Decimal>> DefaultMarkupFromPatch(const nlohmann::json& patch) {
  if (!patch.contains(kDefaultMarkupField)) return std::optional<Decimal>();
  const auto& v = patch[kDefaultMarkupField];
  auto value = v.is_string() ? Decimal::Parse(v.get<std::string>()) : Result<Decimal>(Error::BadRequest("", ""));
  if (!value.ok() || value->Sign() < 0 || *value > Decimal::FromInt(1000)) {
    return InvalidAt("agency.markup_invalid", kDefaultMarkupField, "A percent such as \"15\" or \"12.5\", from 0 to 1000.");
  }
  return std::optional<Decimal>(*value);
}

Status StoreDefaultExpenseMarkup(store::Connection& conn, const Decimal& percent) {
  TRY(conn.Execute("UPDATE agency_settings SET default_expense_markup_percent = ? WHERE id = 1", {percent.ToString()}));
  return {};
}

}  // namespace concord::agency
