// RFC 4180 CSV reading: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
// LF or CRLF record ends, a chosen delimiter. Two readers share one grammar:
//  - ParseRecord: a scalar parser for one record (headers, rows holding quotes, re-reading a row);
//  - IndexChunk: a 64-bytes-at-a-time scanner (SSE2 bit masks, quote state by prefix XOR) that finds
//    record and field boundaries without copying, for the bulk of a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::recon {

// Result of ParseRecord. On failure `next` is the start of the line after the error, so a caller can
// report the error and go on with the next record.
struct RecordParse {
  bool ok = true;
  size_t next = 0;        // where the following record starts
  size_t record_end = 0;  // end of this record's bytes, without its line break
  size_t error_pos = 0;   // byte offset of the error in the input
  const char* message = nullptr;
  uint32_t newlines = 0;  // line breaks consumed, inside quotes and the terminator
};

// Splits the record starting at data[pos] into `fields`. Views point into `data`, or into `scratch`
// for quoted fields that held doubled quotes; both must outlive the views. A record of zero bytes
// (blank line) yields one empty field.
RecordParse ParseRecord(std::string_view data, size_t pos, char delimiter, std::vector<std::string_view>* fields,
                        std::string* scratch);

// Splits a record that ParseRecord (or IndexChunk) already accepted, 64 bytes at a time: the quote
// state comes from the bit masks, so fields are found without a byte loop. Quoted fields are
// unquoted and "" becomes ". Views point into `record` or `scratch`. Undefined for malformed records.
void SplitValidated(std::string_view record, char delimiter, std::vector<std::string_view>* fields,
                    std::string* scratch);

// Number of '"' bytes in data (for the quote state at a chunk boundary).
uint64_t CountQuotes(const char* data, size_t size);
// Quotes and line feeds in one pass (chunk boundaries: quote state and line numbers).
void CountQuotesAndNewlines(const char* data, size_t size, uint64_t* quotes, uint64_t* newlines);

// Where the bulk scanner puts what it finds.
struct ChunkRow {
  size_t begin;       // first byte of the record
  size_t end;         // end of the record's bytes (line break excluded)
  uint32_t line;      // line breaks between ChunkScan::begin and the record start
};

class ChunkVisitor {
 public:
  virtual ~ChunkVisitor() = default;
  // A well-formed record; `fields` are its fields (views into the data or into a scratch buffer).
  // Only the fields listed in the scanner's wanted set are filled; others are empty views.
  virtual void Row(const ChunkRow& row, const std::vector<std::string_view>& fields) = 0;
  // A record that broke the grammar or had the wrong number of fields.
  virtual void Failure(uint32_t line, uint64_t column, const char* message, size_t begin, size_t end) = 0;
};

struct ChunkScan {
  size_t begin;            // where to start scanning
  size_t limit;            // process records that start before this offset
  bool in_quotes;          // quote state at `begin`
  bool skip_partial;       // true: first skip to just after the first record end at/after `begin`
  size_t expected_fields;  // records with another field count are failures
  std::vector<bool> wanted;  // which fields the visitor needs (by index); others are not materialised
  char delimiter = ',';
};

struct ChunkOutcome {
  uint32_t lines = 0;         // physical lines consumed by the records processed
  size_t first_record = 0;    // offset of the first record processed
  size_t end = 0;             // offset after the last record processed
  bool quote_trouble = false; // a quote error was met: boundaries chosen by quote parity may be wrong
};

// Scans data[begin, ...) and calls the visitor for every record that starts before `limit`.
ChunkOutcome IndexChunk(std::string_view data, const ChunkScan& scan, ChunkVisitor& visitor);

}  // namespace concord::recon
