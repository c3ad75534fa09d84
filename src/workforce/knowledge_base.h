// Knowledge articles as records (knowledge.h has the rules): written and edited by coordinators, every
// version kept (wf_kb_revisions) and every edit audited; searched like any list. A question an article
// does not answer goes to Level II — the HRBP or the account executive — as a task with a due date, noted
// on the worker's timeline.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "core/date.h"
#include "store/db.h"

namespace concord::workforce {

using nlohmann::json;

class KnowledgeBase {
 public:
  explicit KnowledgeBase(store::Database& db) : db_(db) {}

  // {title, topic, body, citations, status}; status defaults to published.
  Result<json> Create(const auth::Principal& caller, const json& input, const std::string& request_id);
  // A new version (If-Match `version`); the one before stays in the history.
  Result<json> Update(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                      const std::string& request_id);
  // Every version of an article, oldest first, in the caller's scope.
  Result<std::vector<json>> Revisions(const auth::Principal& caller, int64_t id);
  // A Level II question about `worker_id` ({question, to: hrbp | account_executive, due_date?, article_id?}):
  // a task for them (due in two business days unless given) and a note on the worker's timeline.
  Result<json> EscalateQuestion(const auth::Principal& caller, int64_t worker_id, const json& input, Date today,
                                const std::string& request_id);

 private:
  Status AddRevision(store::Connection& c, const json& article);
  store::Database& db_;
};

}  // namespace concord::workforce
