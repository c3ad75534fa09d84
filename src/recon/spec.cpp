// TOML spec parsing. Every table is checked against the keys it may hold, so a misspelt key is refused
// by name instead of silently meaning "use the default".
#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "recon/normalize.h"
#include "recon/recon.h"

namespace concord::recon {
namespace {

Error SpecError(std::string_view path, const std::string& key, const std::string& message) {
  return Error::Invalid("recon.spec_invalid", std::string(path) + ": " + key + ": " + message,
                        {{key, "recon.spec_invalid", message}});
}

Status CheckKeys(const toml::table& table, std::string_view path, const std::string& prefix,
                 std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : table) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key.str() == a;
    if (!known) {
      std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
      return SpecError(path, name, "unknown key");
    }
  }
  return {};
}

Result<std::string> GetString(const toml::table& t, std::string_view path, const std::string& prefix,
                              std::string_view key, std::string fallback) {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  if (auto s = n->value<std::string>(); s && n->is_string()) return *s;
  return SpecError(path, prefix + "." + std::string(key), "must be a string");
}

Result<std::vector<std::string>> GetStrings(const toml::table& t, std::string_view path, const std::string& prefix,
                                            std::string_view key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const std::string name = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
  if (n->is_string()) {
    out.push_back(*n->value<std::string>());
    return out;
  }
  const toml::array* a = n->as_array();
  if (!a) return SpecError(path, name, "must be a string or an array of strings");
  for (const toml::node& e : *a) {
    if (!e.is_string()) return SpecError(path, name, "must be an array of strings");
    out.push_back(*e.value<std::string>());
  }
  return out;
}

Result<std::vector<NormalizerKind>> GetNormalizers(const toml::table& t, std::string_view path,
                                                   const std::string& prefix) {
  std::vector<std::string> names = TRY(GetStrings(t, path, prefix, "normalize"));
  std::vector<NormalizerKind> out;
  for (const std::string& s : names) {
    NormalizerKind k;
    if (s == "trim") k = NormalizerKind::kTrim;
    else if (s == "collapse_spaces") k = NormalizerKind::kCollapseSpaces;
    else if (s == "casefold") k = NormalizerKind::kCaseFold;
    else if (s == "digits_only") k = NormalizerKind::kDigitsOnly;
    else if (s == "date") k = NormalizerKind::kDate;
    else if (s == "money") k = NormalizerKind::kMoney;
    else if (s == "number") k = NormalizerKind::kNumber;
    else if (s == "map") k = NormalizerKind::kMap;
    else {
      return SpecError(path, (prefix.empty() ? "" : prefix + ".") + "normalize",
                       "unknown normaliser \"" + s +
                           "\" (trim, collapse_spaces, casefold, digits_only, date, money, number, map)");
    }
    out.push_back(k);
  }
  return out;
}

// Tolerances are exact decimals: a string ("0.01") or an integer. A TOML float is refused because its
// binary value is not the number the user wrote.
Result<std::optional<Decimal>> GetDecimal(const toml::table& t, std::string_view path, const std::string& name,
                                          std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return std::optional<Decimal>();
  std::string text;
  if (n->is_string()) {
    text = *n->value<std::string>();
  } else if (n->is_integer()) {
    text = std::to_string(*n->value<int64_t>());
  } else {
    return SpecError(path, name, "must be a decimal written as a string (\"0.01\") or an integer");
  }
  auto d = Decimal::Parse(text);
  if (!d.ok()) return SpecError(path, name, "\"" + text + "\" is not a decimal number");
  if (d->IsNegative()) return SpecError(path, name, "must not be negative");
  return std::optional<Decimal>(d.value());
}

Result<SourceSpec> ParseSource(const toml::table& root, std::string_view path, const std::string& side,
                               const std::filesystem::path& base) {
  SourceSpec s;
  const toml::node* n = root.get(side);
  if (!n) return SpecError(path, side, "missing table");
  const toml::table* t = n->as_table();
  if (!t) return SpecError(path, side, "must be a table");
  TRY(CheckKeys(*t, path, side, {"name", "path", "format", "delimiter", "key"}));
  s.name = TRY(GetString(*t, path, side, "name", side));
  s.path = TRY(GetString(*t, path, side, "path", ""));
  if (!s.path.empty() && std::filesystem::path(s.path).is_relative() && !base.empty()) {
    s.path = (base / s.path).string();
  }
  std::string format = TRY(GetString(*t, path, side, "format", "csv"));
  if (format == "csv") s.format = InputFormat::kCsv;
  else if (format == "jsonl") s.format = InputFormat::kJsonLines;
  else return SpecError(path, side + ".format", "must be \"csv\" or \"jsonl\"");
  std::string delimiter = TRY(GetString(*t, path, side, "delimiter", ","));
  if (delimiter == "\\t" || delimiter == "tab") delimiter = "\t";
  if (delimiter.size() != 1 || delimiter[0] == '"' || delimiter[0] == '\n' || delimiter[0] == '\r' ||
      delimiter[0] == '\0') {
    return SpecError(path, side + ".delimiter", "must be one character other than a quote or a line break");
  }
  s.delimiter = delimiter[0];
  s.key = TRY(GetStrings(*t, path, side, "key"));
  return s;
}

Result<ColumnRule> ParseColumn(const toml::table& t, std::string_view path, const std::string& where) {
  TRY(CheckKeys(t, path, where,
                {"left", "right", "normalize", "date_formats", "map", "tolerance", "relative_tolerance",
                 "tolerance_days"}));
  ColumnRule c;
  c.left = TRY(GetString(t, path, where, "left", ""));
  if (c.left.empty()) return SpecError(path, where + ".left", "missing column name");
  c.right = TRY(GetString(t, path, where, "right", c.left));
  c.normalizers = TRY(GetNormalizers(t, path, where));
  c.date_formats = TRY(GetStrings(t, path, where, "date_formats"));
  if (const toml::node* m = t.get("map")) {
    const toml::table* mt = m->as_table();
    if (!mt) return SpecError(path, where + ".map", "must be a table of \"from\" = \"to\"");
    for (const auto& [from, to] : *mt) {
      if (!to.is_string()) return SpecError(path, where + ".map." + std::string(from.str()), "must be a string");
      c.value_map.emplace_back(std::string(from.str()), *to.value<std::string>());
    }
  }
  c.absolute_tolerance = TRY(GetDecimal(t, path, where + ".tolerance", "tolerance"));
  c.relative_tolerance = TRY(GetDecimal(t, path, where + ".relative_tolerance", "relative_tolerance"));
  if (const toml::node* d = t.get("tolerance_days")) {
    auto v = d->value<int64_t>();
    if (!d->is_integer() || !v || *v < 0 || *v > 36500) {
      return SpecError(path, where + ".tolerance_days", "must be a whole number of days from 0 to 36500");
    }
    c.tolerance_days = static_cast<int>(*v);
  }
  auto compiled = ColumnNormalizer::Create(c, where);
  if (!compiled.ok()) return SpecError(path, compiled.error().fields.empty() ? where : compiled.error().fields[0].field,
                                       compiled.error().message);
  return c;
}

}  // namespace

Result<Spec> ParseSpec(std::string_view text, std::string_view path) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    std::ostringstream m;
    m << path << ":" << where.line << ":" << where.column << ": " << e.description();
    return Error::Invalid("recon.spec_syntax", m.str(),
                          {{"line " + std::to_string(where.line) + ", column " + std::to_string(where.column),
                            "recon.spec_syntax", std::string(e.description())}});
  }
  Spec spec;
  spec.path = std::string(path);
  const std::filesystem::path base = std::filesystem::path(std::string(path)).parent_path();
  TRY(CheckKeys(root, path, "", {"left", "right", "compare", "columns", "suggest"}));
  spec.left = TRY(ParseSource(root, path, "left", base));
  spec.right = TRY(ParseSource(root, path, "right", base));
  if (spec.left.key.empty()) return SpecError(path, "left.key", "at least one key column is required");
  if (spec.right.key.empty()) spec.right.key = spec.left.key;
  if (spec.right.key.size() != spec.left.key.size()) {
    return SpecError(path, "right.key", "must name as many columns as left.key");
  }
  if (const toml::node* n = root.get("compare")) {
    const toml::table* t = n->as_table();
    if (!t) return SpecError(path, "compare", "must be a table");
    TRY(CheckKeys(*t, path, "compare", {"same_name", "normalize", "ignore"}));
    if (const toml::node* s = t->get("same_name")) {
      if (!s->is_boolean()) return SpecError(path, "compare.same_name", "must be true or false");
      spec.compare_same_name = *s->value<bool>();
    }
    spec.default_normalizers = TRY(GetNormalizers(*t, path, "compare"));
    for (NormalizerKind k : spec.default_normalizers) {
      if (k == NormalizerKind::kDate || k == NormalizerKind::kMap) {
        return SpecError(path, "compare.normalize", "date and map need a [[columns]] entry");
      }
    }
    spec.ignore = TRY(GetStrings(*t, path, "compare", "ignore"));
  }
  if (const toml::node* n = root.get("columns")) {
    const toml::array* a = n->as_array();
    if (!a) return SpecError(path, "columns", "must be an array of tables ([[columns]])");
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string where = "columns[" + std::to_string(i) + "]";
      const toml::table* t = (*a)[i].as_table();
      if (!t) return SpecError(path, where, "must be a table");
      spec.columns.push_back(TRY(ParseColumn(*t, path, where)));
    }
  }
  if (const toml::node* n = root.get("suggest")) {
    const toml::table* t = n->as_table();
    if (!t) return SpecError(path, "suggest", "must be a table");
    TRY(CheckKeys(*t, path, "suggest", {"on", "min_score"}));
    spec.suggest.enabled = true;
    spec.suggest.on = TRY(GetStrings(*t, path, "suggest", "on"));
    if (spec.suggest.on.empty()) return SpecError(path, "suggest.on", "name at least one column");
    if (const toml::node* s = t->get("min_score")) {
      auto v = s->value<double>();
      if (!v || *v < 0 || *v > 1) return SpecError(path, "suggest.min_score", "must be a number from 0 to 1");
      spec.suggest.min_score = *v;
    }
  }
  return spec;
}

Result<Spec> LoadSpec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid("recon.spec_unreadable", path + ": cannot read the spec file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseSpec(text.str(), path);
}

}  // namespace concord::recon
