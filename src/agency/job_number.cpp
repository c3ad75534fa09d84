#include "agency/job_number.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

constexpr int kMaxSequenceWidth = 9;  // 10^9 - 1 fits int64_t with room; nobody opens a billion jobs a year
constexpr size_t kMaxClientCodeLength = 16;

bool IsAsciiAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The segment for one token name (the text between the braces), or nullopt when unknown.
std::optional<NumberSegment> TokenSegment(std::string_view name, bool* bad_width) {
  if (name == "client") return NumberSegment{NumberToken::kClient, "", 0};
  if (name == "YY") return NumberSegment{NumberToken::kYear2, "", 0};
  if (name == "YYYY") return NumberSegment{NumberToken::kYear4, "", 0};
  if (name == "MM") return NumberSegment{NumberToken::kMonth, "", 0};
  if (name == "seq" || name.starts_with("seq:")) {
    const std::string_view digits = name.size() > 4 ? name.substr(4) : std::string_view();
    const bool valid = digits.size() == 1 && digits[0] >= '1' && digits[0] <= '0' + kMaxSequenceWidth;
    if (!valid) {
      *bad_width = true;
      return std::nullopt;
    }
    return NumberSegment{NumberToken::kSequence, "", digits[0] - '0'};
  }
  return std::nullopt;
}

void AppendLiteral(std::vector<NumberSegment>& segments, char c) {
  if (segments.empty() || segments.back().token != NumberToken::kLiteral) {
    segments.push_back({NumberToken::kLiteral, "", 0});
  }
  segments.back().literal.push_back(c);
}

Error PatternError(std::string code, std::string message) {
  return InvalidAt(std::move(code), "pattern", std::move(message));
}

}  // namespace

bool NumberPattern::Uses(NumberToken token) const {
  return std::any_of(segments.begin(), segments.end(), [&](const NumberSegment& s) { return s.token == token; });
}

int NumberPattern::SequenceWidth() const {
  for (const NumberSegment& s : segments) {
    if (s.token == NumberToken::kSequence) return s.width;
  }
  return 0;
}

Result<NumberPattern> ParseNumberPattern(std::string_view pattern, PatternRequirements requirements) {
  NumberPattern out{std::string(pattern), {}};
  std::vector<std::string> unknown;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      AppendLiteral(out.segments, c);  // "{{" or "}}"
      ++i;
      continue;
    }
    if (c == '}') {
      return PatternError("number.unbalanced_brace",
                          fmt::format("\"}}\" without \"{{\" at position {} of \"{}\"", i + 1, pattern));
    }
    if (c != '{') {
      AppendLiteral(out.segments, c);
      continue;
    }
    const size_t close = pattern.find('}', i + 1);
    if (close == std::string_view::npos) {
      return PatternError("number.unbalanced_brace",
                          fmt::format("\"{{\" without \"}}\" at position {} of \"{}\"", i + 1, pattern));
    }
    const std::string_view name = pattern.substr(i + 1, close - i - 1);
    bool bad_width = false;
    std::optional<NumberSegment> segment = TokenSegment(name, &bad_width);
    if (bad_width) {
      return PatternError(
          "number.invalid_sequence_width",
          fmt::format("{{{}}}: the sequence needs a width from 1 to {}, e.g. {{seq:4}}", name, kMaxSequenceWidth));
    }
    if (!segment) {
      unknown.emplace_back(name);
    } else {
      out.segments.push_back(*segment);
    }
    i = close;
  }
  if (!unknown.empty()) {
    std::vector<FieldError> fields;
    std::string names;
    for (const std::string& name : unknown) {
      const std::string message = fmt::format("unknown token {{{}}}", name);
      fields.push_back({"pattern", "number.unknown_token", message});
      names += (names.empty() ? "" : ", ") + fmt::format("{{{}}}", name);
    }
    return Error::Invalid("number.unknown_token",
                          fmt::format("unknown token(s) {} in \"{}\"; known: {{client}} {{YY}} {{YYYY}} {{MM}} "
                                      "{{seq:N}}",
                                      names, pattern),
                          std::move(fields));
  }
  const auto sequences = std::count_if(out.segments.begin(), out.segments.end(),
                                       [](const NumberSegment& s) { return s.token == NumberToken::kSequence; });
  if (sequences != 1) {
    return PatternError("number.sequence_required",
                        fmt::format("\"{}\" must contain exactly one {{seq:N}} (it has {})", pattern, sequences));
  }
  if (requirements.client && !out.Uses(NumberToken::kClient)) {
    return PatternError("number.pattern_not_unique",
                        fmt::format("\"{}\" lacks {{client}}: the sequence restarts per client", pattern));
  }
  if (requirements.year && !out.Uses(NumberToken::kYear2) && !out.Uses(NumberToken::kYear4)) {
    return PatternError("number.pattern_not_unique",
                        fmt::format("\"{}\" lacks {{YY}} or {{YYYY}}: the sequence restarts every year", pattern));
  }
  return out;
}

Result<std::string> NextNumber(const NumberPattern& pattern, std::string_view client_code, Date date,
                               int64_t last_seq) {
  if (pattern.Uses(NumberToken::kClient) && (client_code.empty() || client_code.size() > kMaxClientCodeLength ||
                                             !std::all_of(client_code.begin(), client_code.end(), IsAsciiAlnum))) {
    return InvalidAt(
        "number.invalid_client_code", "client_code",
        fmt::format("client code \"{}\" must be 1 to {} letters or digits", client_code, kMaxClientCodeLength));
  }
  if (last_seq < 0) {
    return InvalidAt("number.invalid_sequence", "last_seq",
                     fmt::format("the last sequence number cannot be negative ({})", last_seq));
  }
  const int width = pattern.SequenceWidth();
  int64_t limit = 1;
  for (int i = 0; i < width; ++i) limit *= 10;
  const int64_t seq = last_seq + 1;
  if (seq >= limit) {
    return InvalidAt("number.sequence_exhausted", "last_seq",
                     fmt::format("sequence {} does not fit the {} digits of \"{}\"", seq, width, pattern.text));
  }
  std::string out;
  for (const NumberSegment& s : pattern.segments) {
    switch (s.token) {
      case NumberToken::kLiteral:
        out += s.literal;
        break;
      case NumberToken::kClient:
        out += client_code;
        break;
      case NumberToken::kYear2:
        out += fmt::format("{:02}", date.year() % 100);
        break;
      case NumberToken::kYear4:
        out += fmt::format("{:04}", date.year());
        break;
      case NumberToken::kMonth:
        out += fmt::format("{:02}", date.month());
        break;
      case NumberToken::kSequence:
        out += fmt::format("{:0{}}", seq, s.width);
        break;
    }
  }
  return out;
}

Result<std::string> NextJobNumber(std::string_view pattern, std::string_view client_code, Date date, int64_t last_seq) {
  const NumberPattern parsed = TRY(ParseNumberPattern(pattern, PatternRequirements::ForJobs()));
  return NextNumber(parsed, client_code, date, last_seq);
}

}  // namespace concord::agency
