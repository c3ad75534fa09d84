#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "core/decimal.h"

namespace concord {
namespace {

struct MinorUnit {
  std::string_view code;
  int digits;
};

// ISO 4217 minor units (list one, "Minor unit" column), for the currencies concord meets; anything else
// answers 2. Zero-decimal and three-decimal currencies are listed in full because they are the traps.
constexpr MinorUnit kMinorUnits[] = {
    {"AUD", 2}, {"BHD", 3}, {"BIF", 0}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLF", 4}, {"CLP", 0},
    {"CNY", 2}, {"DJF", 0}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2}, {"GNF", 0}, {"HKD", 2}, {"INR", 2},
    {"IQD", 3}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"MXN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PLN", 2}, {"PYG", 0}, {"RWF", 0},
    {"SEK", 2}, {"SGD", 2}, {"TND", 3}, {"UGX", 0}, {"USD", 2}, {"UYI", 0}, {"UYW", 4}, {"VND", 0},
    {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0}, {"ZAR", 2},
};

void CheckSameCurrency(const Money& a, const Money& b, const char* operation) {
  if (a.currency() != b.currency()) {
    throw std::invalid_argument(std::string("Money ") + operation + " across currencies: " + a.currency() +
                                " and " + b.currency());
  }
}

bool IsCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char ch : code) {
    if (ch < 'A' || ch > 'Z') return false;
  }
  return true;
}

}  // namespace

Result<Money> Money::Parse(std::string_view amount, std::string currency) {
  if (!IsCurrencyCode(currency)) {
    return Error::Invalid("money.invalid_currency",
                          "not an ISO 4217 currency code (three capital letters): \"" + currency + "\"");
  }
  Decimal value = TRY(Decimal::Parse(amount));
  return Money(value, std::move(currency));
}

int Money::MinorUnits(std::string_view currency) {
  for (const MinorUnit& unit : kMinorUnits) {
    if (unit.code == currency) return unit.digits;
  }
  return 2;
}

Money Money::RoundToMinor(Rounding mode) const {
  return Money(amount_.Round(MinorUnits(currency_), mode), currency_);
}

std::string Money::ToString() const { return amount_.ToString(MinorUnits(currency_), Rounding::kHalfUp); }

Money operator+(const Money& a, const Money& b) {
  CheckSameCurrency(a, b, "+");
  return Money(a.amount_ + b.amount_, a.currency_);
}

Money operator-(const Money& a, const Money& b) {
  CheckSameCurrency(a, b, "-");
  return Money(a.amount_ - b.amount_, a.currency_);
}

bool operator==(const Money& a, const Money& b) {
  return a.currency_ == b.currency_ && a.amount_ == b.amount_;
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
  CheckSameCurrency(a, b, "comparison");
  return a.amount_ <=> b.amount_;
}

}  // namespace concord
