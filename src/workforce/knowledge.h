// Level-1 knowledge (seed 000: "answer Level 1 workforce questions (FLSA process/status, general wage and
// employment matters, benefits, mitigation of co-employment risks)"; "Escalates Level II questions … to
// HRBP"). The pure rules of an article: its topics, its citations, the text a coordinator puts into a
// reply, and when a Level II question falls due.
//
// Pure. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/result.h"

namespace concord::workforce {

inline const std::vector<std::string> kKnowledgeTopics = {"flsa_status", "overtime", "final_pay", "co_employment",
                                                          "benefits",    "wages",    "other"};
inline const std::vector<std::string> kKnowledgeStatuses = {"draft", "published"};
// Who answers a Level II question: the HR business partner or the programme's account executive.
inline const std::vector<std::string> kLevelTwoTargets = {"hrbp", "account_executive"};

// Field errors of an article's citations: a non-empty array of {label, url?}; a url is http(s).
std::vector<FieldError> CitationErrors(const nlohmann::json& citations);

// What a coordinator pastes into a reply: the title and version, the body, and "Sources:" with each
// citation ("29 CFR 541.600 — https://…").
std::string ArticleReplyText(const nlohmann::json& article);

// A Level II question is due in two business days (weekends and federal holidays skipped) unless the
// coordinator says otherwise.
Date DefaultLevelTwoDue(Date asked_on);

}  // namespace concord::workforce
