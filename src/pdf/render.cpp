#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string_view>

#include <fmt/format.h>

#include "pdf/pdf.h"

namespace concord::pdf {
namespace {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_destroy>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<g_object_unref>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Deleter<pango_font_description_free>>;

// Layout in points (1/72 in). Margins of 3/4 in; the footer sits in the bottom margin.
constexpr double kMargin = 54;
constexpr double kCellPad = 4;
constexpr double kGap = 8;  // below a block

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.10, 0.12, 0.16};
constexpr Rgb kMuted{0.38, 0.42, 0.48};
constexpr Rgb kAccent{0.11, 0.30, 0.55};
constexpr Rgb kRule{0.80, 0.83, 0.87};
constexpr Rgb kHeaderFill{0.93, 0.95, 0.97};

enum class Style { kTitle, kSubtitle, kHeading, kBody, kBold, kSmall };

const char* FontFor(Style style) {
  switch (style) {
    case Style::kTitle: return "DejaVu Sans Bold 17";
    case Style::kSubtitle: return "DejaVu Sans 10.5";
    case Style::kHeading: return "DejaVu Sans Bold 12";
    case Style::kBody: return "DejaVu Sans 9.5";
    case Style::kBold: return "DejaVu Sans Bold 9.5";
    case Style::kSmall: return "DejaVu Sans 7.5";
  }
  return "DejaVu Sans 9.5";
}

struct PageBox {
  double width, height;
};

PageBox Dimensions(PageSize size) { return size == PageSize::kA4 ? PageBox{595.28, 841.89} : PageBox{612, 792}; }

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays the blocks out page by page. Run twice: the first pass counts the pages for "Page N of M".
class Writer {
 public:
  Writer(cairo_t* cr, const Document& doc, int total_pages)
      : cr_(cr), doc_(doc), box_(Dimensions(doc.page)), total_pages_(total_pages), y_(kMargin) {}

  int pages() const { return page_; }

  void Write() {
    const double width = ContentWidth();
    if (!doc_.title.empty()) Flow(doc_.title, Style::kTitle, kAccent);
    if (!doc_.subtitle.empty()) Flow(doc_.subtitle, Style::kSubtitle, kMuted);
    if (!doc_.title.empty() || !doc_.subtitle.empty()) {
      y_ += 4;
      Rule(kMargin, kMargin + width, kAccent, 1.2);
      y_ += kGap * 1.5;
    }
    for (const Block& block : doc_.blocks) {
      std::visit([this](const auto& b) { Put(b); }, block);
      y_ += kGap;
    }
    Footer();
  }

 private:
  double ContentWidth() const { return box_.width - 2 * kMargin; }
  double Bottom() const { return box_.height - kMargin; }

  LayoutPtr Layout(std::string_view text, Style style, double width, Align align = Align::kLeft) {
    LayoutPtr layout(pango_cairo_create_layout(cr_));
    FontPtr font(pango_font_description_from_string(FontFor(style)));
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align == Align::kRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  static double NaturalWidth(PangoLayout* layout) {
    pango_layout_set_width(layout, -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  void Color(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

  void Rule(double x0, double x1, Rgb c, double line_width) {
    Color(c);
    cairo_set_line_width(cr_, line_width);
    cairo_move_to(cr_, x0, y_);
    cairo_line_to(cr_, x1, y_);
    cairo_stroke(cr_);
  }

  void Draw(PangoLayout* layout, double x, double y, Rgb c) {
    Color(c);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }

  void Footer() {
    const double y = box_.height - kMargin / 2 - 6;
    if (!doc_.footer.empty()) Draw(Layout(doc_.footer, Style::kSmall, ContentWidth() * 0.7).get(), kMargin, y, kMuted);
    const std::string number = fmt::format("Page {} of {}", page_, std::max(total_pages_, page_));
    Draw(Layout(number, Style::kSmall, ContentWidth(), Align::kRight).get(), kMargin, y, kMuted);
  }

  // Wrapped text that may continue on the next page, line by line.
  void Flow(std::string_view text, Style style, Rgb c) {
    LayoutPtr layout = Layout(text, style, ContentWidth());
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
      if (y_ + line_height > Bottom()) NewPage();
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      Color(c);
      cairo_move_to(cr_, kMargin + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
      y_ += line_height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  void Put(const Heading& h) {
    y_ += 4;
    if (y_ + 40 > Bottom()) NewPage();  // keep a heading with what follows it
    Flow(h.text, Style::kHeading, kAccent);
  }

  void Put(const Paragraph& p) { Flow(p.text, Style::kBody, kInk); }

  void Put(const Fields& f) {
    const double label_width = ContentWidth() * 0.3;
    const double value_width = ContentWidth() - label_width - kGap;
    for (const auto& [label, value] : f.rows) {
      LayoutPtr l = Layout(label, Style::kBold, label_width);
      LayoutPtr v = Layout(value, Style::kBody, value_width);
      const double height = std::max(Height(l.get()), Height(v.get())) + 2;
      if (y_ + height > Bottom()) NewPage();
      Draw(l.get(), kMargin, y_, kMuted);
      Draw(v.get(), kMargin + label_width + kGap, y_, kInk);
      y_ += height;
    }
  }

  // Column widths from the widest cell of each column. Columns narrower than a fair share keep their
  // width (amounts and dates never wrap); the rest share what is left in proportion (long text wraps).
  std::vector<double> ColumnWidths(const Table& t, size_t columns) {
    std::vector<double> natural(columns, 0);
    auto measure = [&](const std::vector<std::string>& cells, Style style) {
      for (size_t i = 0; i < cells.size() && i < columns; ++i) {
        natural[i] = std::max(natural[i], NaturalWidth(Layout(cells[i], style, 1).get()) + 2 * kCellPad);
      }
    };
    measure(t.header, Style::kBold);
    for (const auto& row : t.rows) measure(row, Style::kBody);
    std::vector<size_t> order(columns);
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return natural[a] < natural[b]; });
    std::vector<double> widths(columns, 0);
    double left = ContentWidth();
    size_t k = 0;
    for (; k < columns && natural[order[k]] <= left / static_cast<double>(columns - k); ++k) {
      widths[order[k]] = natural[order[k]];
      left -= natural[order[k]];
    }
    double wide = 0;
    for (size_t j = k; j < columns; ++j) wide += natural[order[j]];
    for (size_t j = k; j < columns; ++j) widths[order[j]] = left * natural[order[j]] / wide;
    if (k == columns) {  // everything fits: spread the slack evenly
      for (double& w : widths) w += left / static_cast<double>(columns);
    }
    return widths;
  }

  double Row(const std::vector<std::string>& cells, const Table& t, const std::vector<double>& widths, Style style,
             bool draw) {
    double height = 0;
    double x = kMargin;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string_view text = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
      const Align align = i < t.align.size() ? t.align[i] : Align::kLeft;
      LayoutPtr cell = Layout(text, style, widths[i] - 2 * kCellPad, align);
      height = std::max(height, Height(cell.get()));
      if (draw) Draw(cell.get(), x + kCellPad, y_ + kCellPad, kInk);
      x += widths[i];
    }
    return height + 2 * kCellPad;
  }

  void Header(const Table& t, const std::vector<double>& widths) {
    const double height = Row(t.header, t, widths, Style::kBold, false);
    Color(kHeaderFill);
    cairo_rectangle(cr_, kMargin, y_, ContentWidth(), height);
    cairo_fill(cr_);
    Row(t.header, t, widths, Style::kBold, true);
    y_ += height;
    Rule(kMargin, kMargin + ContentWidth(), kMuted, 0.8);
  }

  void Put(const Table& t) {
    const size_t columns = std::max(t.header.size(), t.rows.empty() ? size_t{0} : t.rows.front().size());
    if (columns == 0) return;
    const std::vector<double> widths = ColumnWidths(t, columns);
    const bool has_header = !t.header.empty();
    if (has_header) {
      if (y_ + 3 * Row(t.header, t, widths, Style::kBold, false) > Bottom()) NewPage();
      Header(t, widths);
    }
    for (const auto& row : t.rows) {
      const double height = Row(row, t, widths, Style::kBody, false);
      if (y_ + height > Bottom()) {
        NewPage();
        if (has_header) Header(t, widths);
      }
      Row(row, t, widths, Style::kBody, true);
      y_ += height;
      Rule(kMargin, kMargin + ContentWidth(), kRule, 0.4);
    }
  }

  cairo_t* cr_;
  const Document& doc_;
  PageBox box_;
  int total_pages_;
  int page_ = 1;
  double y_;
};

bool ValidUtf8(std::string_view text) { return g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr); }

bool BlockValid(const Block& block) {
  struct {
    bool operator()(const Heading& h) const { return ValidUtf8(h.text); }
    bool operator()(const Paragraph& p) const { return ValidUtf8(p.text); }
    bool operator()(const Fields& f) const {
      return std::all_of(f.rows.begin(), f.rows.end(),
                         [](const auto& row) { return ValidUtf8(row.first) && ValidUtf8(row.second); });
    }
    bool AllValid(const std::vector<std::string>& cells) const {
      return std::all_of(cells.begin(), cells.end(), ValidUtf8);
    }
    bool operator()(const Table& t) const {
      return AllValid(t.header) &&
             std::all_of(t.rows.begin(), t.rows.end(), [this](const auto& row) { return AllValid(row); });
    }
  } valid;
  return std::visit(valid, block);
}

Status Validate(const Document& doc) {
  for (const std::string* text : {&doc.title, &doc.subtitle, &doc.author, &doc.footer}) {
    if (!ValidUtf8(*text)) return Error::Invalid("pdf.invalid_utf8", "The document's title, subtitle, author or footer is not valid UTF-8.");
  }
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (!BlockValid(doc.blocks[i])) {
      return Error::Invalid("pdf.invalid_utf8", fmt::format("Block {} of the document is not valid UTF-8 text.", i + 1));
    }
  }
  return {};
}

// One pass: the PDF bytes and its page count.
Result<std::pair<std::string, int>> Pass(const Document& doc, int total_pages) {
  std::string bytes;
  const PageBox box = Dimensions(doc.page);
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendTo, &bytes, box.width, box.height));
  if (!doc.title.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  if (!doc.author.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, doc.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "concord");
  if (!doc.created.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, doc.created.c_str());
  }
  int pages = 0;
  {
    CairoPtr cr(cairo_create(surface.get()));
    Writer writer(cr.get(), doc, total_pages);
    writer.Write();
    pages = writer.pages();
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::Internal("pdf.render", cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return std::pair{std::move(bytes), pages};
}

}  // namespace

Result<std::string> Render(const Document& document) {
  TRY(Validate(document));
  const int pages = TRY(Pass(document, 0)).second;
  return TRY(Pass(document, pages)).first;
}

}  // namespace concord::pdf

// LeakSanitizer (in the sanitizer builds of `make test`): fontconfig, which Pango uses to find fonts, keeps
// its configuration and font caches for the life of the process by design. Linked in with Render.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
