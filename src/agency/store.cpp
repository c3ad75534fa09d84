#include "agency/store.h"

#include <cctype>
#include <set>
#include <stdexcept>

#include "store/sql.h"

namespace concord::agency {

TimePolicy Settings::Policy() const {
  TimePolicy policy;
  std::set<Date> closed(holidays.begin(), holidays.end());
  const BusinessHours day{std::chrono::hours(9), std::chrono::hours(17)};  // hours do not matter: the rule counts days
  policy.calendar = BusinessCalendar::Weekdays(time_zone, {day}, std::move(closed));
  policy.entry_window_business_days = entry_window_days;
  return policy;
}

Result<KeyedRows> ListRows(store::Connection& conn, const Scope& scope, const ListSpec& spec,
                           const std::string& columns, const ListQuery& q) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  store::AppendScope(scope, spec.client_column, where, params);
  if (q.q && !q.q->empty() && !spec.search_columns.empty()) {
    std::string pattern;
    for (char ch : *q.q) {
      if (ch == '%' || ch == '_') continue;  // wildcards are not search text
      pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern = "%" + pattern + "%";
    where += " AND (";
    for (size_t i = 0; i < spec.search_columns.size(); ++i) {
      where += (i ? " OR LOWER(" : "LOWER(") + spec.search_columns[i] + ") LIKE ?";
      params.emplace_back(pattern);
    }
    where += ")";
  }
  for (const auto& [name, value] : q.filters) {
    for (const auto& [filter, column] : spec.filters) {
      if (filter != name) continue;
      where += " AND " + column + " = ?";
      params.emplace_back(value);
    }
  }
  KeyedRows out;
  out.total = TRY(conn.QueryOne("SELECT COUNT(*) FROM " + spec.from + where, params)).Int(0);
  std::string key = spec.sorts.front().second;
  for (const auto& [name, expression] : spec.sorts) {
    if (name == q.sort) key = expression;
  }
  std::string sql = "SELECT " + columns + ", " + key + " AS sort_key FROM " + spec.from + where;
  store::AppendKeysetPage(key, spec.id_column, q.descending, q.after_key, q.after_id, q.limit, sql, params);
  out.rows = TRY(conn.Query(sql, params));
  for (const auto& row : out.rows) out.sort_keys.push_back(row.Text(static_cast<int>(row.size()) - 1));
  return out;
}

Result<store::Row> LoadRow(store::Connection& conn, const Scope& scope, const ListSpec& spec,
                           const std::string& columns, int64_t id, const std::string& what) {
  std::string sql = "SELECT " + columns + " FROM " + spec.from + " WHERE " + spec.id_column + " = ?";
  std::vector<store::Value> params{id};
  store::AppendScope(scope, spec.client_column, sql, params);
  auto rows = TRY(conn.Query(sql, params));
  if (rows.empty()) return Error::NotFound(what + ".not_found", "No " + what + " " + std::to_string(id) + ".");
  return rows.front();
}

Error StaleVersion(const std::string& what) {
  return {ErrorKind::kPreconditionFailed, "agency.stale",
          "Someone else saved this " + what + " since you opened it. Reload to see their changes.", {}};
}

Decimal DecimalOf(const std::string& text) {
  auto parsed = Decimal::Parse(text.empty() ? "0" : text);
  if (!parsed.ok()) throw std::runtime_error("stored decimal is malformed: " + text);
  return *parsed;
}

Money MoneyOf(const std::string& amount, const std::string& currency) { return Money(DecimalOf(amount), currency); }

std::optional<Date> OptDate(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  auto parsed = Date::Parse(*text);
  if (!parsed.ok()) return std::nullopt;
  return *parsed;
}

store::Value DateValue(const std::optional<Date>& date) {
  return date ? store::Value(date->ToString()) : store::Null();
}

namespace {
const char* LineKindName(LineKind kind) {
  return kind == LineKind::kLabor ? "labor" : kind == LineKind::kFee ? "fee" : "expense";
}
LineKind LineKindOf(const std::string& name) {
  return name == "expense" ? LineKind::kExpense : name == "fee" ? LineKind::kFee : LineKind::kLabor;
}
std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

nlohmann::json LinesToJson(const std::vector<EstimateLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    out.push_back({{"kind", LineKindName(l.kind)},
                   {"service", l.service},
                   {"description", l.description},
                   {"hours", l.hours.ToString()},
                   {"rate", l.rate.amount().ToString()},
                   {"cost", l.cost.amount().ToString()},
                   {"markup_percent", l.markup_percent.ToString()},
                   {"amount", LineAmount(l).amount().ToString()}});
  }
  return out;
}

std::vector<EstimateLine> LinesFromJson(const std::string& text, const std::string& currency) {
  std::vector<EstimateLine> out;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return out;
  for (const auto& j : json) {
    EstimateLine l;
    l.kind = LineKindOf(Str(j, "kind"));
    l.service = Str(j, "service");
    l.description = Str(j, "description");
    l.hours = DecimalOf(Str(j, "hours"));
    l.rate = MoneyOf(Str(j, "rate"), currency);
    l.cost = MoneyOf(Str(j, "cost"), currency);
    l.markup_percent = DecimalOf(Str(j, "markup_percent"));
    out.push_back(std::move(l));
  }
  return out;
}

nlohmann::json InvoiceLinesToJson(const std::vector<InvoiceLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    out.push_back({{"description", l.description},
                   {"quantity", l.quantity.ToString()},
                   {"unit", l.unit},
                   {"unit_price", l.unit_price.amount().ToString()},
                   {"amount", l.amount.amount().ToString()}});
  }
  return out;
}

std::vector<InvoiceLine> InvoiceLinesFromJson(const std::string& text, const std::string& currency) {
  std::vector<InvoiceLine> out;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return out;
  for (const auto& j : json) {
    out.push_back({Str(j, "description"), DecimalOf(Str(j, "quantity")), Str(j, "unit"),
                   MoneyOf(Str(j, "unit_price"), currency), MoneyOf(Str(j, "amount"), currency)});
  }
  return out;
}

}  // namespace concord::agency
