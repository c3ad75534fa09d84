#include "recon/csv.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace concord::recon {
namespace {

constexpr uint64_t LowMask(int bits) { return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1; }

// Bit i of the result is the XOR of bits 0..i: 1 while inside a quoted run. Because a doubled quote
// flips the state twice, escaped quotes need no special case.
inline uint64_t PrefixXor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

struct BlockMasks {
  uint64_t quote;
  uint64_t delim;
  uint64_t newline;
};

inline BlockMasks Classify(const char* p, char delimiter) {
  BlockMasks m{0, 0, 0};
#if defined(__SSE2__)
  const __m128i q = _mm_set1_epi8('"');
  const __m128i dl = _mm_set1_epi8(delimiter);
  const __m128i nl = _mm_set1_epi8('\n');
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    m.quote |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, q)))) << (16 * k);
    m.delim |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, dl)))) << (16 * k);
    m.newline |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)))) << (16 * k);
  }
#else
  for (int i = 0; i < 64; ++i) {
    m.quote |= static_cast<uint64_t>(p[i] == '"') << i;
    m.delim |= static_cast<uint64_t>(p[i] == delimiter) << i;
    m.newline |= static_cast<uint64_t>(p[i] == '\n') << i;
  }
#endif
  return m;
}

// Checks the fields of a record that holds quotes, whose boundaries the bit masks gave: each field is
// either free of quotes or wrapped in quotes with every inner quote doubled (RFC 4180 rules 5-7). For
// such records the masks' boundaries are the grammar's. Wanted fields are unquoted into `fields`
// (doubled quotes undone in `scratch`). False sends the record to the scalar parser, which reports
// the error's exact position.
bool QuotedFieldsValid(const char* d, size_t row_start, const size_t* ends, size_t count,
                       const std::vector<bool>& wanted, std::vector<std::string_view>* fields, std::string* scratch) {
  scratch->clear();
  scratch->reserve(ends[count - 1] - row_start);  // views into scratch must not move
  size_t begin = row_start;
  for (size_t i = 0; i < count; begin = ends[i] + 1, ++i) {
    const size_t end = ends[i];
    const char* f = d + begin;
    const size_t len = end - begin;
    if (std::memchr(f, '"', len) == nullptr) {
      if (wanted[i]) (*fields)[i] = std::string_view(f, len);
      continue;
    }
    if (len < 2 || f[0] != '"' || f[len - 1] != '"') return false;
    bool doubled = false;
    for (size_t k = 1; k + 1 < len; ++k) {
      if (f[k] != '"') continue;
      if (k + 2 >= len || f[k + 1] != '"') return false;
      doubled = true;
      ++k;
    }
    if (!wanted[i]) continue;
    if (!doubled) {
      (*fields)[i] = std::string_view(f + 1, len - 2);
      continue;
    }
    const size_t at = scratch->size();
    for (size_t k = 1; k + 1 < len; ++k) {
      scratch->push_back(f[k]);
      if (f[k] == '"') ++k;
    }
    (*fields)[i] = std::string_view(scratch->data() + at, scratch->size() - at);
  }
  return true;
}

uint32_t CountNewlines(const char* p, size_t n) {
  return static_cast<uint32_t>(std::count(p, p + n, '\n'));
}

// 1-based column of `pos` in its physical line, given that a line starts at `line_start` or later.
uint64_t ColumnOf(const char* d, size_t line_start, size_t pos) {
  size_t s = pos;
  while (s > line_start && d[s - 1] != '\n') --s;
  return pos - s + 1;
}

}  // namespace

RecordParse ParseRecord(std::string_view data, size_t pos, char delim, std::vector<std::string_view>* fields,
                        std::string* scratch) {
  fields->clear();
  scratch->clear();
  // Views into scratch are fixed up at the end: appending may move its buffer.
  struct Escaped {
    size_t index, offset, length;
  };
  thread_local std::vector<Escaped> escaped;
  escaped.clear();
  RecordParse r;
  const char* d = data.data();
  const size_t n = data.size();
  size_t i = pos;
  auto fail = [&](size_t at, const char* message) {
    r.ok = false;
    r.error_pos = at;
    r.message = message;
    const void* nl = at < n ? std::memchr(d + at, '\n', n - at) : nullptr;
    r.next = nl ? static_cast<size_t>(static_cast<const char*>(nl) - d) + 1 : n;
    r.record_end = nl ? r.next - 1 : n;
    r.newlines = CountNewlines(d + pos, r.next - pos);
    return r;
  };
  auto finish = [&](size_t record_end, size_t next) {
    r.record_end = record_end;
    r.next = next;
    for (const Escaped& e : escaped) (*fields)[e.index] = std::string_view(scratch->data() + e.offset, e.length);
    return r;
  };
  while (true) {
    if (i < n && d[i] == '"') {
      const size_t open = i;
      ++i;
      size_t segment = i;
      bool has_escape = false;
      const size_t scratch_start = scratch->size();
      while (true) {
        const void* q = i < n ? std::memchr(d + i, '"', n - i) : nullptr;
        if (!q) return fail(open, "unterminated quoted field");
        size_t qi = static_cast<size_t>(static_cast<const char*>(q) - d);
        r.newlines += CountNewlines(d + i, qi - i);
        if (qi + 1 < n && d[qi + 1] == '"') {
          scratch->append(d + segment, qi + 1 - segment);
          has_escape = true;
          i = qi + 2;
          segment = i;
          continue;
        }
        if (has_escape) {
          scratch->append(d + segment, qi - segment);
          escaped.push_back({fields->size(), scratch_start, scratch->size() - scratch_start});
          fields->emplace_back();
        } else {
          fields->emplace_back(d + open + 1, qi - open - 1);
        }
        i = qi + 1;
        break;
      }
      if (i >= n) return finish(n, n);
      if (d[i] == delim) {
        ++i;
        continue;
      }
      if (d[i] == '\n') {
        ++r.newlines;
        return finish(i, i + 1);
      }
      if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') {
        ++r.newlines;
        return finish(i, i + 2);
      }
      return fail(i, "unexpected character after a closing quote");
    }
    const size_t start = i;
    while (i < n) {
      char c = d[i];
      if (c == delim || c == '\n' || c == '"') break;
      ++i;
    }
    if (i < n && d[i] == '"') return fail(i, "quote inside an unquoted field");
    if (i < n && d[i] == delim) {
      fields->emplace_back(d + start, i - start);
      ++i;
      continue;
    }
    if (i >= n) {
      // End of input without a line break: the bytes are the field, a lone CR included, so that a
      // record re-read on its own (without its line break) splits exactly as it did in the file.
      fields->emplace_back(d + start, n - start);
      return finish(n, n);
    }
    size_t end = i;
    if (end > start && d[end - 1] == '\r') --end;  // CRLF
    fields->emplace_back(d + start, end - start);
    ++r.newlines;
    return finish(end, i + 1);
  }
}

void SplitValidated(std::string_view record, char delim, std::vector<std::string_view>* fields,
                    std::string* scratch) {
  fields->clear();
  scratch->clear();
  // Unquoting never lengthens a field, so this capacity keeps views into scratch valid.
  scratch->reserve(record.size());
  const char* d = record.data();
  const size_t n = record.size();
  auto emit = [&](size_t begin, size_t end) {
    std::string_view f(d + begin, end - begin);
    if (f.size() >= 2 && f.front() == '"') {
      f = f.substr(1, f.size() - 2);
      if (f.find('"') != std::string_view::npos) {
        const size_t at = scratch->size();
        for (size_t i = 0; i < f.size(); ++i) {
          scratch->push_back(f[i]);
          if (f[i] == '"') ++i;  // the second quote of a doubled pair
        }
        f = std::string_view(scratch->data() + at, scratch->size() - at);
      }
    }
    fields->push_back(f);
  };
  size_t field_start = 0;
  uint64_t carry = 0;
  alignas(64) char tail[64];
  for (size_t pos = 0; pos < n; pos += 64) {
    const char* block = d + pos;
    uint64_t valid = ~uint64_t{0};
    if (n - pos < 64) {
      std::memset(tail, 0, sizeof(tail));
      std::memcpy(tail, d + pos, n - pos);
      block = tail;
      valid = LowMask(static_cast<int>(n - pos));
    }
    BlockMasks m = Classify(block, delim);
    const uint64_t in_quotes = PrefixXor(m.quote & valid) ^ carry;
    carry = static_cast<uint64_t>(static_cast<int64_t>(in_quotes) >> 63);
    uint64_t structural = m.delim & valid & ~in_quotes;
    while (structural != 0) {
      const size_t at = pos + static_cast<size_t>(__builtin_ctzll(structural));
      structural &= structural - 1;
      emit(field_start, at);
      field_start = at + 1;
    }
  }
  emit(field_start, n);
}

void CountQuotesAndNewlines(const char* data, size_t size, uint64_t* quotes, uint64_t* newlines) {
  uint64_t q = 0, nl = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i vq = _mm_set1_epi8('"');
  const __m128i vn = _mm_set1_epi8('\n');
  for (; i + 64 <= size; i += 64) {
    uint64_t mq = 0, mn = 0;
    for (int k = 0; k < 4; ++k) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16 * k));
      mq |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)))) << (16 * k);
      mn |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn)))) << (16 * k);
    }
    q += static_cast<uint64_t>(__builtin_popcountll(mq));
    nl += static_cast<uint64_t>(__builtin_popcountll(mn));
  }
#endif
  for (; i < size; ++i) {
    q += data[i] == '"';
    nl += data[i] == '\n';
  }
  *quotes = q;
  *newlines = nl;
}

uint64_t CountQuotes(const char* data, size_t size) {
  return static_cast<uint64_t>(std::count(data, data + size, '"'));
}

ChunkOutcome IndexChunk(std::string_view data, const ChunkScan& s, ChunkVisitor& visitor) {
  const char* d = data.data();
  const size_t n = data.size();
  const size_t expected = s.expected_fields;
  ChunkOutcome out;
  std::vector<std::string_view> fields(expected);
  std::vector<size_t> ends(expected + 1);  // where each field of the current record ends
  std::vector<std::string_view> parsed;
  std::string scratch;
  uint32_t line = 0;
  size_t pos = s.begin;
  size_t row_start = s.begin;
  bool skipping = s.skip_partial;
  uint64_t carry = s.in_quotes ? ~uint64_t{0} : 0;
  size_t field_index = 0;
  size_t field_start = pos;
  bool row_has_quote = false;
  constexpr size_t kNone = ~size_t{0};
  size_t overflow_at = kNone;  // the delimiter that starts the first field beyond the expected ones
  bool done = !skipping && row_start >= s.limit;
  out.first_record = s.begin;

  // Handles a record that holds a quote with the scalar parser; returns where the next one starts.
  auto quoted_record = [&](size_t begin) -> RecordParse {
    RecordParse r = ParseRecord(data, begin, s.delimiter, &parsed, &scratch);
    if (!r.ok) {
      uint32_t error_line = line + CountNewlines(d + begin, r.error_pos - begin);
      visitor.Failure(error_line, ColumnOf(d, begin, r.error_pos), r.message, begin, r.record_end);
      out.quote_trouble = true;
    } else if (r.record_end == begin) {
      // blank line
    } else if (parsed.size() != expected) {
      visitor.Failure(line + CountNewlines(d + begin, r.record_end - begin), ColumnOf(d, begin, r.record_end),
                      parsed.size() > expected ? "more fields than the header" : "fewer fields than the header",
                      begin, r.record_end);
    } else {
      visitor.Row({begin, r.record_end, line}, parsed);
    }
    line += r.newlines;
    return r;
  };

  alignas(64) char tail[64];
  while (pos < n && !done) {
    const char* block = d + pos;
    uint64_t valid = ~uint64_t{0};
    if (n - pos < 64) {
      std::memset(tail, 0, sizeof(tail));
      std::memcpy(tail, d + pos, n - pos);
      block = tail;
      valid = LowMask(static_cast<int>(n - pos));
    }
    BlockMasks m = Classify(block, s.delimiter);
    m.quote &= valid;
    m.delim &= valid;
    m.newline &= valid;
    const uint64_t in_quotes = PrefixXor(m.quote) ^ carry;
    carry = static_cast<uint64_t>(static_cast<int64_t>(in_quotes) >> 63);
    uint64_t structural = (m.delim | m.newline) & ~in_quotes;
    uint64_t pending_quotes = m.quote;
    if (skipping) {
      const uint64_t ends = m.newline & ~in_quotes;
      if (ends == 0) {
        pos += 64;
        continue;
      }
      const int i = __builtin_ctzll(ends);
      skipping = false;
      row_start = field_start = pos + static_cast<size_t>(i) + 1;
      line = CountNewlines(d + s.begin, row_start - s.begin);
      out.first_record = row_start;
      if (row_start >= s.limit) {
        done = true;
        break;
      }
      structural &= ~LowMask(i + 1);
      pending_quotes &= ~LowMask(i + 1);
    }
    bool restart = false;
    while (structural != 0) {
      const int i = __builtin_ctzll(structural);
      structural &= structural - 1;
      const size_t at = pos + static_cast<size_t>(i);
      if (((m.newline >> i) & 1) == 0) {
        if (field_index < expected) {
          ends[field_index] = at;
          if (s.wanted[field_index]) fields[field_index] = std::string_view(d + field_start, at - field_start);
        }
        // A delimiter after the last expected field starts one field too many.
        if (field_index + 1 >= expected && overflow_at == kNone) overflow_at = at;
        ++field_index;
        field_start = at + 1;
        continue;
      }
      size_t record_end = at;
      if (record_end > row_start && d[record_end - 1] == '\r') --record_end;
      const bool has_quote = row_has_quote || (pending_quotes & LowMask(i)) != 0;
      pending_quotes &= ~LowMask(i);
      row_has_quote = false;
      size_t next = at + 1;
      if (has_quote) {
        ends[std::min(field_index, expected)] = record_end;
        if (overflow_at == kNone && field_index + 1 == expected &&
            QuotedFieldsValid(d, row_start, ends.data(), expected, s.wanted, &fields, &scratch)) {
          // The common case (quoted fields that follow the grammar): no second pass over the record.
          visitor.Row({row_start, record_end, line}, fields);
          line += 1 + CountNewlines(d + row_start, at - row_start);
        } else {
          RecordParse r = quoted_record(row_start);
          next = r.next;
          if (next != at + 1) restart = true;
        }
      } else if (field_index == 0 && record_end == row_start) {
        ++line;  // blank line
      } else if (overflow_at != kNone || field_index + 1 != expected) {
        const size_t where = overflow_at != kNone ? overflow_at + 1 : record_end;
        visitor.Failure(line, where - row_start + 1,
                        overflow_at != kNone ? "more fields than the header" : "fewer fields than the header", row_start,
                        record_end);
        ++line;
      } else {
        if (s.wanted[field_index]) fields[field_index] = std::string_view(d + field_start, record_end - field_start);
        visitor.Row({row_start, record_end, line}, fields);
        ++line;
      }
      field_index = 0;
      overflow_at = kNone;
      row_start = field_start = next;
      if (next >= s.limit || next >= n) {
        done = true;
        break;
      }
      if (restart) break;
    }
    if (done) break;
    if (restart) {
      pos = row_start;
      carry = 0;
      row_has_quote = false;
      continue;
    }
    if (pending_quotes != 0) row_has_quote = true;
    pos += 64;
  }
  // A last record without a line break (or the rest after an unterminated quote): the scalar parser.
  if (!done && !skipping) {
    while (row_start < n && row_start < s.limit) {
      RecordParse r = quoted_record(row_start);
      row_start = r.next;
    }
  }
  out.lines = line;
  out.end = std::min(row_start, n);
  return out;
}

}  // namespace concord::recon
