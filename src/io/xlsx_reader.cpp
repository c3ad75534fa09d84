#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <cctype>
#include <charconv>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "io/xlsx_dates.h"

namespace concord::io {
namespace {

Error Malformed(std::string_view file_name, const std::string& where, const std::string& what) {
  const std::string place = std::string(file_name) + (where.empty() ? "" : ": " + where);
  return Error::Invalid("xlsx.malformed", place + ": " + what, {{place, "xlsx.malformed", what}});
}

// ---- the zip archive ----

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

Result<Archive> OpenArchive(std::string_view bytes, std::string_view file_name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Malformed(file_name, "", "cannot read the archive");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Malformed(file_name, "", "not an .xlsx workbook (zip archive: " + why + ")");
  }
  zip_error_fini(&error);
  return Archive(archive);
}

// The part's bytes, or nullopt when the archive has no such part. Part names are case-insensitive (OPC).
Result<std::optional<std::string>> ReadPart(zip_t* archive, const std::string& name, std::string_view file_name) {
  zip_file_t* file = zip_fopen(archive, name.c_str(), ZIP_FL_NOCASE);
  if (file == nullptr) return std::optional<std::string>{};
  std::string data;
  char chunk[1 << 16];
  while (true) {
    const zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
    if (n < 0) {
      const std::string why = zip_error_strerror(zip_file_get_error(file));
      zip_fclose(file);
      return Malformed(file_name, name, "cannot be unpacked (" + why + ")");
    }
    if (n == 0) break;
    if (data.size() + static_cast<size_t>(n) > kXlsxMaxPartBytes) {
      zip_fclose(file);
      return Malformed(file_name, name,
                       "unpacks to more than " + std::to_string(kXlsxMaxPartBytes >> 20) + " MiB");
    }
    data.append(chunk, static_cast<size_t>(n));
  }
  zip_fclose(file);
  return std::optional<std::string>(std::move(data));
}

// ---- XML through expat, with namespace prefixes resolved to local names ----

struct XmlHandler {
  std::function<void(std::string_view name, const char** attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
  std::optional<std::string> failure;  // set by a handler to stop the parse
};

std::string_view LocalName(const char* name) {
  std::string_view view(name);
  const size_t separator = view.rfind('\x01');
  return separator == std::string_view::npos ? view : view.substr(separator + 1);
}

std::string_view Attribute(const char** attributes, std::string_view local) {
  for (size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (LocalName(attributes[i]) == local) return attributes[i + 1];
  }
  return {};
}

Result<void> ParseXml(std::string_view xml, XmlHandler& handler, std::string_view file_name, const std::string& part) {
  struct Context {
    XML_Parser parser;
    XmlHandler* handler;
  };
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, '\x01'),
                                                                       &XML_ParserFree);
  if (!parser) return Error::Internal("xlsx.xml", "cannot create an XML parser");
  Context context{parser.get(), &handler};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const char* name, const char** attributes) {
        auto* c = static_cast<Context*>(data);
        if (c->handler->start) c->handler->start(LocalName(name), attributes);
        if (c->handler->failure) XML_StopParser(c->parser, XML_FALSE);
      },
      [](void* data, const char* name) {
        auto* c = static_cast<Context*>(data);
        if (c->handler->end) c->handler->end(LocalName(name));
        if (c->handler->failure) XML_StopParser(c->parser, XML_FALSE);
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const char* text, int length) {
    auto* c = static_cast<Context*>(data);
    if (c->handler->text) c->handler->text(std::string_view(text, static_cast<size_t>(length)));
  });
  XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const char*, const char*, const char*, int) {
    auto* c = static_cast<Context*>(data);
    c->handler->failure = "has a document type declaration, which Office Open XML forbids";
    XML_StopParser(c->parser, XML_FALSE);
  });
  const auto status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (handler.failure) return Malformed(file_name, "", *handler.failure);
  if (status != XML_STATUS_OK) {
    return Malformed(file_name, part + ", line " + std::to_string(XML_GetCurrentLineNumber(parser.get())),
                     std::string("is not well-formed XML (") + XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
  }
  return {};
}

// ---- workbook: sheets, relationships, date system, shared strings, styles ----

struct Workbook {
  struct Sheet {
    std::string name;
    std::string part;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  std::vector<std::string> shared_strings;
  std::vector<XlsxNumberFormat> cell_formats;  // by cellXfs index (the cell's s attribute)
};

// Part name of a relationship target, relative to the xl/ folder unless absolute.
std::string ResolveTarget(std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

Result<Workbook> ReadWorkbook(zip_t* archive, std::string_view file_name) {
  Workbook book;
  auto workbook_xml = TRY(ReadPart(archive, "xl/workbook.xml", file_name));
  if (!workbook_xml) return Malformed(file_name, "", "not an .xlsx workbook (no xl/workbook.xml)");
  std::vector<std::pair<std::string, std::string>> sheet_ids;  // name, relationship id
  XmlHandler workbook;
  workbook.start = [&](std::string_view name, const char** attributes) {
    if (name == "workbookPr") {
      const std::string_view date1904 = Attribute(attributes, "date1904");
      book.date1904 = date1904 == "1" || date1904 == "true";
    } else if (name == "sheet") {
      sheet_ids.emplace_back(Attribute(attributes, "name"), Attribute(attributes, "id"));
    }
  };
  TRY(ParseXml(*workbook_xml, workbook, file_name, "xl/workbook.xml"));

  std::map<std::string, std::string, std::less<>> targets;  // relationship id -> part
  std::string shared_strings_part = "xl/sharedStrings.xml";
  std::string styles_part = "xl/styles.xml";
  auto rels_xml = TRY(ReadPart(archive, "xl/_rels/workbook.xml.rels", file_name));
  if (rels_xml) {
    XmlHandler rels;
    rels.start = [&](std::string_view name, const char** attributes) {
      if (name != "Relationship") return;
      const std::string part = ResolveTarget(Attribute(attributes, "Target"));
      const std::string_view type = Attribute(attributes, "Type");
      targets[std::string(Attribute(attributes, "Id"))] = part;
      if (type.ends_with("/sharedStrings")) shared_strings_part = part;
      if (type.ends_with("/styles")) styles_part = part;
    };
    TRY(ParseXml(*rels_xml, rels, file_name, "xl/_rels/workbook.xml.rels"));
  }
  for (size_t i = 0; i < sheet_ids.size(); ++i) {
    const auto found = targets.find(sheet_ids[i].second);
    book.sheets.push_back({sheet_ids[i].first, found != targets.end() ? found->second
                                                                       : "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml"});
  }

  auto strings_xml = TRY(ReadPart(archive, shared_strings_part, file_name));
  if (strings_xml) {
    XmlHandler strings;
    bool in_text = false;
    int phonetic_depth = 0;  // rPh runs are reading aids, not the text
    strings.start = [&](std::string_view name, const char**) {
      if (name == "si") book.shared_strings.emplace_back();
      if (name == "rPh") ++phonetic_depth;
      if (name == "t" && phonetic_depth == 0 && !book.shared_strings.empty()) in_text = true;
    };
    strings.end = [&](std::string_view name) {
      if (name == "rPh") --phonetic_depth;
      if (name == "t") in_text = false;
    };
    strings.text = [&](std::string_view text) {
      if (in_text) book.shared_strings.back() += text;
    };
    TRY(ParseXml(*strings_xml, strings, file_name, shared_strings_part));
  }

  auto styles_xml = TRY(ReadPart(archive, styles_part, file_name));
  if (styles_xml) {
    std::map<int, std::string> codes;
    std::vector<int> xf_format_ids;
    bool in_cell_xfs = false;
    XmlHandler styles;
    styles.start = [&](std::string_view name, const char** attributes) {
      auto number = [&](std::string_view key) {
        const std::string_view text = Attribute(attributes, key);
        int value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        return value;
      };
      if (name == "numFmt") codes[number("numFmtId")] = Attribute(attributes, "formatCode");
      if (name == "cellXfs") in_cell_xfs = true;
      if (name == "xf" && in_cell_xfs) xf_format_ids.push_back(number("numFmtId"));
    };
    styles.end = [&](std::string_view name) {
      if (name == "cellXfs") in_cell_xfs = false;
    };
    TRY(ParseXml(*styles_xml, styles, file_name, styles_part));
    for (const int id : xf_format_ids) {
      const auto code = codes.find(id);
      book.cell_formats.push_back(ClassifyNumberFormat(id, code != codes.end() ? code->second : ""));
    }
  }
  return book;
}

// ---- one worksheet ----

// Column (0-based) and row (1-based) of a reference such as "C7"; nullopt when it is not one.
std::optional<std::pair<int, int>> ParseReference(std::string_view ref) {
  size_t i = 0;
  int column = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i])) && i < 3) {
    column = column * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  int row = 0;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (i == 0 || ec != std::errc{} || end != ref.data() + ref.size()) return std::nullopt;
  if (column > 16384 || row < 1 || row > 1048576) return std::nullopt;  // XFD1048576 is the last cell
  return std::pair{column - 1, row};
}

std::string ColumnName(int column) {
  std::string name;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

}  // namespace

std::string XlsxCellName(size_t column, int row) { return ColumnName(static_cast<int>(column)) + std::to_string(row); }

namespace {

Result<std::vector<CsvRecord>> ReadSheet(const Workbook& book, const Workbook::Sheet& sheet, std::string_view xml,
                                         std::string_view file_name) {
  std::vector<CsvRecord> records;
  CsvRecord row;
  int row_number = 0;
  int column = -1;
  std::string cell_type, value;
  int cell_style = 0;
  bool in_value = false;
  int inline_depth = 0, phonetic_depth = 0;
  XmlHandler handler;
  auto fail = [&](std::string where, std::string what) {
    if (!handler.failure) handler.failure = sheet.name + "!" + where + ": " + what;
  };
  auto finish_row = [&] {
    while (!row.fields.empty() && row.fields.back().empty()) row.fields.pop_back();
    if (!row.fields.empty()) records.push_back(std::move(row));
    row = CsvRecord{};
  };
  auto finish_cell = [&] {
    const std::string where = ColumnName(column) + std::to_string(row_number);
    if (value.empty()) return;  // an empty cell of any type (a styled blank, a shared string without its index)
    std::string text;
    if (cell_type == "s") {
      size_t index = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc{} || end != value.data() + value.size() || index >= book.shared_strings.size()) {
        return fail(where, "shared string \"" + value + "\" does not exist");
      }
      text = book.shared_strings[index];
    } else if (cell_type == "b") {
      if (value != "0" && value != "1") return fail(where, "boolean \"" + value + "\" is not 0 or 1");
      text = value == "1" ? "TRUE" : "FALSE";
    } else if ((cell_type.empty() || cell_type == "n") && cell_style >= 0 &&
               static_cast<size_t>(cell_style) < book.cell_formats.size() &&
               book.cell_formats[static_cast<size_t>(cell_style)].date) {
      auto day = SerialToIso(value, book.date1904, book.cell_formats[static_cast<size_t>(cell_style)].time);
      if (!day.ok()) return fail(where, day.error().message);
      text = std::move(*day);
    } else {
      text = std::move(value);  // numbers as written, inline and formula strings, error values, ISO dates (t="d")
    }
    if (row.fields.size() <= static_cast<size_t>(column)) row.fields.resize(static_cast<size_t>(column) + 1);
    row.fields[static_cast<size_t>(column)] = std::move(text);
  };
  handler.start = [&](std::string_view name, const char** attributes) {
    if (name == "row") {
      const std::string_view r = Attribute(attributes, "r");
      int number = row_number + 1;
      if (!r.empty()) {
        const auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
        if (ec != std::errc{} || end != r.data() + r.size() || number < 1 || number > 1048576) {
          return fail("row " + std::string(r), "is not a row number");
        }
      }
      if (number <= row_number) return fail("row " + std::to_string(number), "comes after row " + std::to_string(row_number));
      row_number = number;
      row.line = number;
      column = -1;
    } else if (name == "c") {
      if (row_number == 0) return fail("A1", "a cell outside a row");
      const std::string_view r = Attribute(attributes, "r");
      int next = column + 1;
      if (!r.empty()) {
        const auto reference = ParseReference(r);
        if (!reference) return fail(std::string(r), "is not a cell reference");
        if (reference->second != row_number) {
          return fail(std::string(r), "is not in row " + std::to_string(row_number));
        }
        next = reference->first;
      }
      if (next <= column) return fail(ColumnName(next) + std::to_string(row_number), "comes after column " + ColumnName(column));
      if (next >= 16384) return fail(ColumnName(column) + std::to_string(row_number), "is past the last column XFD");
      column = next;
      cell_type = Attribute(attributes, "t");
      const std::string_view style = Attribute(attributes, "s");
      cell_style = 0;
      if (!style.empty()) std::from_chars(style.data(), style.data() + style.size(), cell_style);
      value.clear();
    } else if (name == "v") {
      in_value = true;
    } else if (name == "is") {
      ++inline_depth;
    } else if (name == "rPh") {
      ++phonetic_depth;
    } else if (name == "t" && inline_depth > 0 && phonetic_depth == 0) {
      in_value = true;
    }
  };
  handler.end = [&](std::string_view name) {
    if (name == "v" || name == "t") in_value = false;
    if (name == "is") --inline_depth;
    if (name == "rPh") --phonetic_depth;
    if (name == "c") finish_cell();
    if (name == "row") finish_row();
  };
  handler.text = [&](std::string_view text) {
    if (in_value) value += text;
  };
  TRY(ParseXml(xml, handler, file_name, sheet.part));
  return records;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.starts_with(std::string_view("PK\x03\x04", 4)); }

Result<std::vector<CsvRecord>> ReadXlsx(std::string_view bytes, std::string_view file_name, std::string_view sheet) {
  auto archive = TRY(OpenArchive(bytes, file_name));
  auto book = TRY(ReadWorkbook(archive.get(), file_name));
  const Workbook::Sheet* chosen = nullptr;
  for (const auto& candidate : book.sheets) {
    if (sheet.empty() || candidate.name == sheet) {
      chosen = &candidate;
      break;
    }
  }
  if (chosen == nullptr) {
    const std::string what = sheet.empty() ? "the workbook has no worksheet"
                                           : "has no worksheet named \"" + std::string(sheet) + "\"";
    return Error::Invalid("xlsx.sheet_not_found", std::string(file_name) + ": " + what,
                          {{std::string(file_name), "xlsx.sheet_not_found", what}});
  }
  auto xml = TRY(ReadPart(archive.get(), chosen->part, file_name));
  if (!xml) return Malformed(file_name, chosen->name, "the worksheet part " + chosen->part + " is missing");
  return ReadSheet(book, *chosen, *xml, file_name);
}

}  // namespace concord::io
