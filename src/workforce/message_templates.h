// The texts concord sends for a programme — the worker's activation, extension and revision messages, the
// three reminders and the separation letter — as editable templates (issue 4: "a message from a template";
// "a separation letter generated as PDF from a template"). Each kind has the firm's default wording and the
// placeholders it may use ({{name}}, core/text_template.h); a programme may store its own subject and body,
// checked when saved: a malformed or unknown placeholder is refused naming its line:column.
//
// Pure. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/text_template.h"

namespace concord::workforce {

struct TemplateKind {
  std::string key;    // activation, extension, revision, reminder.missing-timecards, … separation_letter
  std::string title;  // for people
  std::string subject;  // the default subject (a letter's title)
  std::string body;     // the default body
  // Each placeholder the kind may use with an example value (for previews).
  std::vector<std::pair<std::string, std::string>> placeholders;
};

const std::vector<TemplateKind>& TemplateKinds();
const TemplateKind* FindTemplateKind(const std::string& key);

struct TemplateText {
  std::string subject;
  std::string body;
  bool custom = false;  // the programme's own, not the default
};

// Field errors ("subject", "body") for placeholders that are malformed, unclosed or not the kind's; empty
// when both are good. An empty body is refused too.
std::vector<FieldError> ValidateTemplate(const TemplateKind& kind, const TemplateText& text);

// The template filled with the kind's example values.
Result<TemplateText> PreviewTemplate(const TemplateKind& kind, const TemplateText& text);

}  // namespace concord::workforce
