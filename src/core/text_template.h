// Text templates with {{name}} placeholders: letters, macros and messages that users edit. A template is
// checked when it is saved (TemplatePlaceholders) and filled when it is used (FillTemplate); an unknown
// or malformed placeholder is an error naming it and its line:column, never a silently blank hole.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace concord {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

// Names may hold letters, digits, '_', '-' and '.' (e.g. {{worker.first_name}}); spaces just inside the
// braces are ignored. "{{{{" writes a literal "{{".
Result<std::string> FillTemplate(std::string_view text, const TemplateValues& values);

// The placeholder names a template uses, each once, in order of first appearance.
Result<std::vector<std::string>> TemplatePlaceholders(std::string_view text);

}  // namespace concord
