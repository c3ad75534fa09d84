#include "recon/normalize.h"

#include <algorithm>
#include <cstring>

namespace concord::recon {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kMonthNames[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kMonthLongNames[12] = {"january", "february", "march",     "april",
                                                  "may",     "june",     "july",      "august",
                                                  "september", "october", "november", "december"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned DaysInMonth(int y, unsigned m) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads between min_digits and max_digits digits at text[*pos].
bool ReadNumber(std::string_view text, size_t* pos, int min_digits, int max_digits, int* value) {
  int n = 0;
  int v = 0;
  while (*pos < text.size() && n < max_digits && IsDigit(text[*pos])) {
    v = v * 10 + (text[*pos] - '0');
    ++*pos;
    ++n;
  }
  *value = v;
  return n >= min_digits;
}

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool ReadMonthName(std::string_view text, size_t* pos, int* month) {
  size_t end = *pos;
  while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z'))) {
    ++end;
  }
  std::string_view word = text.substr(*pos, end - *pos);
  for (int m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(word, kMonthNames[m]) || EqualsIgnoreCase(word, kMonthLongNames[m])) {
      *month = m + 1;
      *pos = end;
      return true;
    }
  }
  return false;
}

}  // namespace

int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

void CivilFromDays(int32_t z, int* year, unsigned* month, unsigned* day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = y + (*month <= 2);
}

void FormatIsoDate(int32_t days, char* out) {
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  // Years outside 0..9999 cannot come from the formats we parse.
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
}

Result<DateFormat> DateFormat::Compile(std::string_view p) {
  DateFormat f;
  bool has_y = false, has_m = false, has_d = false;
  size_t i = 0;
  while (i < p.size()) {
    auto starts = [&](std::string_view t) { return p.substr(i, t.size()) == t; };
    if (starts("YYYY")) {
      f.parts_.push_back({Token::kYear4, 0}), i += 4, has_y = true;
    } else if (starts("YY")) {
      f.parts_.push_back({Token::kYear2, 0}), i += 2, has_y = true;
    } else if (starts("MON")) {
      f.parts_.push_back({Token::kMonthName, 0}), i += 3, has_m = true;
    } else if (starts("MM")) {
      f.parts_.push_back({Token::kMonth2, 0}), i += 2, has_m = true;
    } else if (starts("M")) {
      f.parts_.push_back({Token::kMonth, 0}), i += 1, has_m = true;
    } else if (starts("DD")) {
      f.parts_.push_back({Token::kDay2, 0}), i += 2, has_d = true;
    } else if (starts("D")) {
      f.parts_.push_back({Token::kDay, 0}), i += 1, has_d = true;
    } else {
      f.parts_.push_back({Token::kLiteral, p[i]}), i += 1;
    }
  }
  if (!has_y || !has_m || !has_d) {
    return Error::Invalid("recon.spec_invalid",
                          "date format \"" + std::string(p) + "\" needs a year, a month and a day");
  }
  return f;
}

bool DateFormat::Parse(std::string_view text, int32_t* days) const {
  size_t pos = 0;
  int year = -1, month = 0, day = 0;
  for (const Part& part : parts_) {
    int v = 0;
    switch (part.token) {
      case Token::kLiteral:
        if (pos >= text.size() || text[pos] != part.literal) return false;
        ++pos;
        break;
      case Token::kYear4:
        if (!ReadNumber(text, &pos, 4, 4, &v)) return false;
        year = v;
        break;
      case Token::kYear2:
        if (!ReadNumber(text, &pos, 2, 2, &v)) return false;
        // POSIX strptime %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
        year = v >= 69 ? 1900 + v : 2000 + v;
        break;
      case Token::kMonth2:
        if (!ReadNumber(text, &pos, 2, 2, &month)) return false;
        break;
      case Token::kMonth:
        if (!ReadNumber(text, &pos, 1, 2, &month)) return false;
        break;
      case Token::kDay2:
        if (!ReadNumber(text, &pos, 2, 2, &day)) return false;
        break;
      case Token::kDay:
        if (!ReadNumber(text, &pos, 1, 2, &day)) return false;
        break;
      case Token::kMonthName:
        if (!ReadMonthName(text, &pos, &month)) return false;
        break;
    }
  }
  if (pos != text.size() || year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month))) return false;
  *days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

size_t CollapseSpacesInPlace(char* buf, size_t n) {
  size_t w = 0;
  bool in_space = false;
  for (size_t r = 0; r < n; ++r) {
    if (IsSpace(buf[r])) {
      if (!in_space) buf[w++] = ' ';
      in_space = true;
    } else {
      buf[w++] = buf[r];
      in_space = false;
    }
  }
  return w;
}

size_t CaseFoldInPlace(char* buf, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(buf[i]);
    if (c >= 'A' && c <= 'Z') {
      buf[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < n) {
      // UTF-8 of U+00C0..U+00DE is C3 80..C3 9E; lower case is +0x20 (except U+00D7, the multiplication sign).
      unsigned char c2 = static_cast<unsigned char>(buf[i + 1]);
      if (c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97) buf[i + 1] = static_cast<char>(c2 + 0x20);
      ++i;
    }
  }
  return n;
}

size_t DigitsOnlyInPlace(char* buf, size_t n) {
  size_t w = 0;
  for (size_t r = 0; r < n; ++r) {
    if (IsDigit(buf[r])) buf[w++] = buf[r];
  }
  return w;
}

bool ParseMoney(std::string_view text, Decimal* out) {
  text = Trim(text);
  bool negative = false;
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    negative = true;
    text = Trim(text.substr(1, text.size() - 2));
  }
  if (!text.empty() && text.back() == '-') {
    if (negative) return false;
    negative = true;
    text = Trim(text.substr(0, text.size() - 1));
  }
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    if (text.front() == '-') {
      if (negative) return false;
      negative = true;
    }
    text.remove_prefix(1);
  }
  if (!text.empty() && text.front() == '$') text.remove_prefix(1);
  // The sign may also follow the currency symbol: "$-12.00".
  if (!negative && !text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  char buf[64];
  size_t n = 0;
  bool seen_point = false;
  size_t digits_since_comma = 0;
  bool seen_comma = false;
  for (char c : text) {
    if (c == ',') {
      // Thousands separators must sit between groups of three digits.
      if (seen_point || n == 0 || (seen_comma && digits_since_comma != 3)) return false;
      seen_comma = true;
      digits_since_comma = 0;
      continue;
    }
    if (c == '.') {
      if (seen_point || (seen_comma && digits_since_comma != 3)) return false;
      seen_point = true;
    } else if (IsDigit(c)) {
      if (!seen_point) ++digits_since_comma;
    } else {
      return false;
    }
    if (n + 2 >= sizeof(buf)) return false;
    buf[n++] = c;
  }
  if (seen_comma && !seen_point && digits_since_comma != 3) return false;
  if (n == 0 || (n == 1 && buf[0] == '.')) return false;
  auto parsed = Decimal::Parse(std::string_view(buf, n));
  if (!parsed.ok()) return false;
  *out = negative ? -parsed.value() : parsed.value();
  return true;
}

Result<ColumnNormalizer> ColumnNormalizer::Create(const ColumnRule& rule, std::string_view where) {
  ColumnNormalizer n;
  n.steps_ = rule.normalizers;
  const std::string w(where);
  for (size_t i = 0; i < n.steps_.size(); ++i) {
    NormalizerKind k = n.steps_[i];
    bool typed = k == NormalizerKind::kDate || k == NormalizerKind::kMoney || k == NormalizerKind::kNumber;
    if (typed && i + 1 != n.steps_.size()) {
      return Error::Invalid("recon.spec_invalid", w + ".normalize: date, money and number must come last",
                            {{w + ".normalize", "recon.spec_invalid", "typed normaliser not last"}});
    }
  }
  bool has_date = std::find(n.steps_.begin(), n.steps_.end(), NormalizerKind::kDate) != n.steps_.end();
  bool has_map = std::find(n.steps_.begin(), n.steps_.end(), NormalizerKind::kMap) != n.steps_.end();
  bool has_num = std::find(n.steps_.begin(), n.steps_.end(), NormalizerKind::kMoney) != n.steps_.end() ||
                 std::find(n.steps_.begin(), n.steps_.end(), NormalizerKind::kNumber) != n.steps_.end();
  if (has_date && rule.date_formats.empty()) {
    return Error::Invalid("recon.spec_invalid", w + ".date_formats: the date normaliser needs at least one format",
                          {{w + ".date_formats", "recon.spec_invalid", "missing"}});
  }
  if (has_map && rule.value_map.empty()) {
    return Error::Invalid("recon.spec_invalid", w + ".map: the map normaliser needs a value map",
                          {{w + ".map", "recon.spec_invalid", "missing"}});
  }
  if ((rule.absolute_tolerance || rule.relative_tolerance) && !has_num) {
    return Error::Invalid("recon.spec_invalid", w + ".tolerance: numeric tolerances need a money or number normaliser",
                          {{w + ".tolerance", "recon.spec_invalid", "needs money or number"}});
  }
  if (rule.tolerance_days != 0 && !has_date) {
    return Error::Invalid("recon.spec_invalid", w + ".tolerance_days: needs the date normaliser",
                          {{w + ".tolerance_days", "recon.spec_invalid", "needs date"}});
  }
  for (const std::string& f : rule.date_formats) {
    auto compiled = DateFormat::Compile(f);
    if (!compiled.ok()) {
      return Error::Invalid("recon.spec_invalid", w + ".date_formats: " + compiled.error().message,
                            {{w + ".date_formats", "recon.spec_invalid", compiled.error().message}});
    }
    n.date_formats_.push_back(std::move(compiled).value());
  }
  for (const auto& [from, to] : rule.value_map) n.value_map_.emplace(from, to);
  n.absolute_ = rule.absolute_tolerance;
  n.relative_ = rule.relative_tolerance;
  n.tolerance_days_ = rule.tolerance_days;
  return n;
}

NormValue ColumnNormalizer::Apply(std::string_view raw, std::string& scratch) const {
  NormValue v;
  std::string_view cur = raw;
  bool in_scratch = false;
  // The text steps never lengthen a value, so once it is copied into scratch they rewrite it in place.
  auto to_scratch = [&] {
    if (!in_scratch) {
      scratch.assign(cur.data(), cur.size());
      in_scratch = true;
    }
  };
  for (NormalizerKind step : steps_) {
    switch (step) {
      case NormalizerKind::kTrim:
        cur = Trim(cur);
        break;
      case NormalizerKind::kCollapseSpaces:
        to_scratch();
        scratch.resize(CollapseSpacesInPlace(scratch.data(), scratch.size()));
        cur = scratch;
        break;
      case NormalizerKind::kCaseFold:
        to_scratch();
        CaseFoldInPlace(scratch.data(), scratch.size());
        cur = scratch;
        break;
      case NormalizerKind::kDigitsOnly:
        to_scratch();
        scratch.resize(DigitsOnlyInPlace(scratch.data(), scratch.size()));
        cur = scratch;
        break;
      case NormalizerKind::kMap: {
        auto it = value_map_.find(cur);
        if (it != value_map_.end()) {
          cur = it->second;
          in_scratch = false;
        }
        break;
      }
      case NormalizerKind::kDate: {
        std::string_view t = Trim(cur);
        if (t.empty()) {
          cur = t;
          break;  // an empty date stays an empty text value
        }
        int32_t days = 0;
        bool ok = false;
        for (const DateFormat& f : date_formats_) {
          if (f.Parse(t, &days)) {
            ok = true;
            break;
          }
        }
        if (!ok) {
          v.valid = false;
          cur = t;
          break;
        }
        v.type = ValueType::kDate;
        v.days = days;
        cur = t;  // the ISO text is produced on demand (Display, AppendCanonical)
        break;
      }
      case NormalizerKind::kMoney:
      case NormalizerKind::kNumber: {
        std::string_view t = Trim(cur);
        if (t.empty()) {
          cur = t;
          break;
        }
        Decimal d;
        bool ok;
        if (step == NormalizerKind::kMoney) {
          ok = ParseMoney(t, &d);
        } else {
          auto parsed = Decimal::Parse(t);
          ok = parsed.ok();
          if (ok) d = parsed.value();
        }
        if (!ok) {
          v.valid = false;
          cur = t;
          break;
        }
        v.type = ValueType::kNumber;
        v.number = d;
        cur = t;  // display text is produced on demand from the number
        break;
      }
    }
  }
  v.text = cur;
  return v;
}

bool ColumnNormalizer::Agree(const NormValue& a, const NormValue& b) const {
  if (a.type != b.type || !a.valid || !b.valid) {
    return a.type == b.type && a.valid == b.valid && a.text == b.text;
  }
  switch (a.type) {
    case ValueType::kText:
      return a.text == b.text;
    case ValueType::kDate: {
      int64_t diff = int64_t{a.days} - int64_t{b.days};
      if (diff < 0) diff = -diff;
      return diff <= tolerance_days_;
    }
    case ValueType::kNumber: {
      if (a.number == b.number) return true;
      Decimal diff = (a.number - b.number).Abs();
      if (absolute_ && diff <= *absolute_) return true;
      if (relative_) {
        Decimal big = std::max(a.number.Abs(), b.number.Abs());
        if (diff <= *relative_ * big) return true;
      }
      return false;
    }
  }
  return false;
}

std::string ColumnNormalizer::Display(const NormValue& v) {
  if (v.type == ValueType::kNumber && v.valid) return v.number.ToString();
  if (v.type == ValueType::kDate && v.valid) {
    std::string iso(10, ' ');
    FormatIsoDate(v.days, iso.data());
    return iso;
  }
  if (!v.valid) return "invalid: " + std::string(v.text);
  return std::string(v.text);
}

void ColumnNormalizer::AppendCanonical(const NormValue& v, std::string* out) {
  if (v.type == ValueType::kNumber && v.valid) {
    std::string s = v.number.ToString();
    if (s.find('.') != std::string::npos) {
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    out->append(s);
    return;
  }
  if (v.type == ValueType::kDate && v.valid) {
    char iso[10];
    FormatIsoDate(v.days, iso);
    out->append(iso, sizeof(iso));
    return;
  }
  out->append(v.text);
}

}  // namespace concord::recon
