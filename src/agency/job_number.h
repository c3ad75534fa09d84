// Document numbers from a configurable pattern: job numbers such as "ACME-260042" from
// "{client}-{YY}{seq:4}", and (with other required tokens) invoice numbers such as "INV-2026-0001".
//
// Pattern tokens:
//   {client}   the client's code, as given ("ACME")
//   {YY}       the year of the date, two digits ("26")
//   {YYYY}     the year, four digits ("2026")
//   {MM}       the month, two digits ("03")
//   {seq:N}    the sequence number, zero-padded to N digits (1 <= N <= 9)
//   {{ and }}  a literal "{" or "}"
// Anything else outside braces is literal text. Token names are case-sensitive: {yy} is unknown.
//
// The sequence counts per scope (per client per year for jobs, per year for invoices); the caller keeps
// the last number issued in that scope and guarantees uniqueness in its store. These functions are pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace concord::agency {

enum class NumberToken { kLiteral, kClient, kYear2, kYear4, kMonth, kSequence };

struct NumberSegment {
  NumberToken token = NumberToken::kLiteral;
  std::string literal;  // kLiteral only
  int width = 0;        // kSequence only: digits of zero padding

  friend bool operator==(const NumberSegment&, const NumberSegment&) = default;
};

struct NumberPattern {
  std::string text;  // the pattern as configured
  std::vector<NumberSegment> segments;

  bool Uses(NumberToken token) const;
  int SequenceWidth() const;  // 0 when the pattern has no {seq:N}
};

// What a kind of document needs its pattern to contain for the numbers to be unique. A job sequence restarts
// per client per year, so a job pattern without the client or the year would repeat numbers.
struct PatternRequirements {
  bool client = false;
  bool year = false;  // {YY} or {YYYY}
  static PatternRequirements ForJobs() { return {true, true}; }
  static PatternRequirements ForInvoices() { return {false, true}; }
};

// Parses a pattern. Errors, all at field "pattern":
//   number.unknown_token        an unknown {token}; the message and one field error per token name each
//   number.unbalanced_brace     a "{" without "}" or a lone "}" (write "{{" / "}}" for literal braces)
//   number.invalid_sequence_width  {seq:N} with N not 1..9, or {seq} without a width
//   number.sequence_required    no {seq:N}, or more than one (the sequence is what makes numbers unique)
//   number.pattern_not_unique   a token required by `requirements` is missing (the message names it)
Result<NumberPattern> ParseNumberPattern(std::string_view pattern, PatternRequirements requirements);

// The number following `last_seq` (0 when none was issued yet in the scope) for `client_code` on `date`.
// Errors:
//   number.invalid_client_code  (field "client_code") when the pattern uses {client} and the code is not
//                               1..16 ASCII letters or digits (separators belong in the pattern)
//   number.invalid_sequence     (field "last_seq") when last_seq < 0
//   number.sequence_exhausted   (field "last_seq") when last_seq + 1 needs more than N digits. Refused
//                               rather than widened: a wider number would sort before its predecessors.
Result<std::string> NextNumber(const NumberPattern& pattern, std::string_view client_code, Date date, int64_t last_seq);

// Job numbers: parses `pattern` with PatternRequirements::ForJobs() and formats the next one, e.g.
// NextJobNumber("{client}-{YY}{seq:4}", "ACME", 2026-03-05, 41) == "ACME-260042".
Result<std::string> NextJobNumber(std::string_view pattern, std::string_view client_code, Date date, int64_t last_seq);

}  // namespace concord::agency
