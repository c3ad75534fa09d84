// Column normalisation and comparison: turns a raw field into a comparable value (text, date or exact
// decimal) following a ColumnRule, and decides whether two such values agree within the rule's
// tolerance. Pure functions over string views; the hot path allocates nothing for text-only rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/decimal.h"
#include "recon/recon.h"

namespace concord::recon {

enum class ValueType : uint8_t { kText, kDate, kNumber };

struct NormValue {
  ValueType type = ValueType::kText;
  bool valid = true;      // false when a date/money/number step could not parse the text
  std::string_view text;  // the value as text (dates: the text that was parsed); may point into scratch
  int32_t days = 0;       // kDate: days since 1970-01-01
  Decimal number;         // kNumber
};

// A parsed date format: literal characters and the fields YYYY YY MM M DD D MON.
class DateFormat {
 public:
  static Result<DateFormat> Compile(std::string_view pattern);
  // Days since 1970-01-01, or false when `text` does not fit the format or names no real date.
  bool Parse(std::string_view text, int32_t* days) const;

 private:
  enum class Token : uint8_t { kLiteral, kYear4, kYear2, kMonth2, kMonth, kDay2, kDay, kMonthName };
  struct Part {
    Token token;
    char literal;
  };
  std::vector<Part> parts_;
};

// Civil-date arithmetic (proleptic Gregorian, H. Hinnant's days_from_civil).
int32_t DaysFromCivil(int year, unsigned month, unsigned day);
void CivilFromDays(int32_t days, int* year, unsigned* month, unsigned* day);
// "YYYY-MM-DD" into out[0..9].
void FormatIsoDate(int32_t days, char* out);

// Text steps, exposed for tests.
std::string_view Trim(std::string_view s);
// The in-place steps rewrite `buffer` (never lengthening it) and return its new size.
size_t CollapseSpacesInPlace(char* buffer, size_t size);
size_t CaseFoldInPlace(char* buffer, size_t size);
size_t DigitsOnlyInPlace(char* buffer, size_t size);
// Money text to an exact decimal: optional sign, '$', thousands commas, "(x)" or trailing '-' negative.
bool ParseMoney(std::string_view text, Decimal* out);

class ColumnNormalizer {
 public:
  // Validates the rule (typed step last, formats compile); errors name `where` ("columns[1]").
  static Result<ColumnNormalizer> Create(const ColumnRule& rule, std::string_view where);

  // Normalises `raw`. The result's text may point into `scratch`, valid until the next call with it.
  NormValue Apply(std::string_view raw, std::string& scratch) const;
  // Whether two normalised values agree, within the rule's tolerances.
  bool Agree(const NormValue& left, const NormValue& right) const;
  // The value as people read it ("2024-01-31", "-12.00", "smith").
  static std::string Display(const NormValue& value);
  // Canonical text for keys: equal values give equal text ("1.50" and "1.5" both "1.5").
  static void AppendCanonical(const NormValue& value, std::string* out);

  bool is_identity() const { return steps_.empty(); }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<NormalizerKind> steps_;
  std::vector<DateFormat> date_formats_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> value_map_;
  std::optional<Decimal> absolute_;
  std::optional<Decimal> relative_;
  int tolerance_days_ = 0;
};

}  // namespace concord::recon
