#include "workforce/knowledge.h"

#include "workforce/holidays.h"

namespace concord::workforce {

using nlohmann::json;

std::vector<FieldError> CitationErrors(const json& citations) {
  if (!citations.is_array() || citations.empty()) {
    return {{"citations", "knowledge.citations", "An article cites at least one source: [{label, url}]."}};
  }
  std::vector<FieldError> errors;
  for (size_t i = 0; i < citations.size(); ++i) {
    const json& c = citations[i];
    const std::string where = "citations[" + std::to_string(i) + "]";
    if (!c.is_object() || !c.contains("label") || !c["label"].is_string() || c["label"].get<std::string>().empty()) {
      errors.push_back({where + ".label", "field.required", "Name the source (statute, regulation, guidance)."});
      continue;
    }
    if (c.contains("url") && !c["url"].is_null()) {
      const std::string url = c["url"].is_string() ? c["url"].get<std::string>() : "";
      if (!url.starts_with("https://") && !url.starts_with("http://")) {
        errors.push_back({where + ".url", "field.url", "A source's address starts with https://."});
      }
    }
  }
  return errors;
}

std::string ArticleReplyText(const json& article) {
  std::string out = article.value("title", "") + " (knowledge article #" +
                    std::to_string(article.value("id", int64_t{0})) + ", version " +
                    std::to_string(article.value("version", int64_t{0})) + ")\n\n" + article.value("body", "");
  const json citations = article.value("citations", json::array());
  if (citations.is_array() && !citations.empty()) {
    out += "\n\nSources:";
    for (const auto& c : citations) {
      out += "\n- " + c.value("label", "");
      if (c.contains("url") && c["url"].is_string()) out += " — " + c["url"].get<std::string>();
    }
  }
  return out;
}

Date DefaultLevelTwoDue(Date asked_on) {
  return FederalBusinessCalendar(asked_on.year()).AddBusinessDays(asked_on, 2);
}

}  // namespace concord::workforce
