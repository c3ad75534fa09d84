#include "core/text_template.h"

#include <algorithm>

#include <fmt/format.h>

namespace concord {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

std::string Where(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("{}:{}", line, column);
}

// Walks the template once, handing literal runs and placeholder names to the callbacks.
template <typename OnText, typename OnName>
Status Scan(std::string_view text, OnText on_text, OnName on_name) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find("{{", i);
    if (open == std::string_view::npos) {
      on_text(text.substr(i));
      break;
    }
    on_text(text.substr(i, open - i));
    if (text.substr(open, 4) == "{{{{") {
      on_text("{{");
      i = open + 4;
      continue;
    }
    const size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return Error::Invalid("template.unclosed",
                            fmt::format("A placeholder opened at {} is not closed with }}}}.", Where(text, open)));
    }
    std::string_view name = text.substr(open + 2, close - open - 2);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), IsNameChar)) {
      return Error::Invalid("template.bad_placeholder",
                            fmt::format("The placeholder \"{}\" at {} is not a name (letters, digits, _ - .).",
                                        text.substr(open, close + 2 - open), Where(text, open)));
    }
    TRY(on_name(name, open));
    i = close + 2;
  }
  return {};
}

}  // namespace

Result<std::string> FillTemplate(std::string_view text, const TemplateValues& values) {
  std::string out;
  out.reserve(text.size());
  TRY(Scan(
      text, [&](std::string_view literal) { out.append(literal); },
      [&](std::string_view name, size_t offset) -> Status {
        const auto found = values.find(name);
        if (found == values.end()) {
          return Error::Invalid("template.unknown_placeholder",
                                fmt::format("The placeholder {{{{{}}}}} at {} has no value here.", name,
                                            Where(text, offset)));
        }
        out.append(found->second);
        return {};
      }));
  return out;
}

Result<std::vector<std::string>> TemplatePlaceholders(std::string_view text) {
  std::vector<std::string> names;
  TRY(Scan(
      text, [](std::string_view) {},
      [&](std::string_view name, size_t) -> Status {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
        return {};
      }));
  return names;
}

}  // namespace concord
