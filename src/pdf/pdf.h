// Business documents as PDF: letters, estimates, reports, invoices. A document is a title and a list of
// blocks laid out top to bottom on US Letter (or A4) pages with Pango (wrapping, any UTF-8 script) and
// drawn by Cairo; tables break across pages and repeat their header. Text is set as plain text, never as
// markup, so user data cannot change the layout.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.h"

namespace concord::pdf {

struct Heading {
  std::string text;
};

// Plain text; '\n' breaks a line, a blank line separates paragraphs.
struct Paragraph {
  std::string text;
};

// "Label: value" rows, labels in a narrow bold column.
struct Fields {
  std::vector<std::pair<std::string, std::string>> rows;
};

enum class Align { kLeft, kRight };

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<Align> align;  // per column; a missing entry is kLeft (give kRight for amounts)
};

using Block = std::variant<Heading, Paragraph, Fields, Table>;

enum class PageSize { kLetter, kA4 };

struct Document {
  std::string title;
  std::string subtitle;  // e.g. the client and the date, under the title
  std::string author;    // PDF metadata
  std::vector<Block> blocks;
  std::string footer;    // left of every page's footer; "Page N of M" is on the right
  // PDF creation date as ISO 8601 ("2026-11-22T10:00:00Z"). Give it to make the bytes reproducible (a
  // document whose checksum is recorded, e.g. an estimate sent for approval); empty = now.
  std::string created;
  PageSize page = PageSize::kLetter;
};

// The PDF's bytes. Fails on text that is not valid UTF-8, naming the block.
Result<std::string> Render(const Document& document);

}  // namespace concord::pdf
