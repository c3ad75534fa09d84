#include "workforce/knowledge_base.h"

#include "store/time.h"
#include "workforce/audited_records.h"
#include "workforce/comms_records.h"
#include "workforce/knowledge.h"

namespace concord::workforce {
namespace {

std::vector<FieldError> ArticleErrors(const json& input, bool creating) {
  auto errors = ValidateInput(KnowledgeInput(), input, creating, {"citations"});
  if (creating || input.contains("citations")) {
    auto more = CitationErrors(input.value("citations", json()));
    errors.insert(errors.end(), more.begin(), more.end());
  }
  return errors;
}

std::string Shorten(const std::string& text, size_t max) {
  const std::string line = text.substr(0, text.find('\n'));
  return line.size() <= max ? line : line.substr(0, max - 1) + "…";
}

}  // namespace

Status KnowledgeBase::AddRevision(store::Connection& c, const json& a) {
  TRY(c.Execute("INSERT INTO wf_kb_revisions (article_id, version, title, topic, body, citations, status, edited_by, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {a["id"].get<int64_t>(), a["version"].get<int64_t>(), a["title"].get<std::string>(),
                 a["topic"].get<std::string>(), a["body"].get<std::string>(), a["citations"].dump(),
                 a["status"].get<std::string>(), a.value("edited_by", ""), store::NowText()}));
  return {};
}

Result<json> KnowledgeBase::Create(const auth::Principal& caller, const json& input, const std::string& request_id) {
  if (auto errors = ArticleErrors(input, true); !errors.empty()) return InvalidInput(std::move(errors), "The article");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    json article = {{"status", "published"}, {"edited_by", caller.name}, {"citations", input["citations"]}};
    ApplyInput(KnowledgeInput(), input, article);
    const json saved = TRY(InsertAudited(c, KnowledgeTable(), caller, article, request_id));
    TRY(AddRevision(c, saved));
    return saved;
  });
}

Result<json> KnowledgeBase::Update(const auth::Principal& caller, int64_t id, int64_t version, const json& input,
                                   const std::string& request_id) {
  if (auto errors = ArticleErrors(input, false); !errors.empty()) return InvalidInput(std::move(errors), "The article");
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json before = TRY(LoadRecord(c, KnowledgeTable(), caller, id));
    json after = before;
    ApplyInput(KnowledgeInput(), input, after);
    if (input.contains("citations")) after["citations"] = input["citations"];
    after["edited_by"] = caller.name;
    const json saved = TRY(SaveAudited(c, KnowledgeTable(), caller, before, after, version, "update", request_id));
    TRY(AddRevision(c, saved));
    return saved;
  });
}

Result<std::vector<json>> KnowledgeBase::Revisions(const auth::Principal& caller, int64_t id) {
  auto conn = TRY(db_.Acquire());
  TRY(LoadRecord(*conn, KnowledgeTable(), caller, id));
  std::vector<json> out;
  for (const auto& r : TRY(conn->Query("SELECT version, title, topic, body, citations, status, edited_by, at FROM "
                                       "wf_kb_revisions WHERE article_id = ? ORDER BY version",
                                       {id}))) {
    out.push_back({{"version", r.Int(0)}, {"title", r.Text(1)}, {"topic", r.Text(2)}, {"body", r.Text(3)},
                   {"citations", json::parse(r.Text(4), nullptr, false)}, {"status", r.Text(5)},
                   {"edited_by", r.Text(6)}, {"at", r.Text(7)}});
  }
  return out;
}

Result<json> KnowledgeBase::EscalateQuestion(const auth::Principal& caller, int64_t worker_id, const json& input,
                                             Date today, const std::string& request_id) {
  static const InputSpec kQuestion{{"question", FieldKind::kLongText, true},
                                   {"to", FieldKind::kChoice, true, kLevelTwoTargets},
                                   {"due_date", FieldKind::kDate},
                                   {"article_id", FieldKind::kId}};
  if (auto errors = ValidateInput(kQuestion, input, true); !errors.empty()) {
    return InvalidInput(std::move(errors), "The question");
  }
  return db_.Transact<json>([&](store::Connection& c) -> Result<json> {
    const json worker = TRY(LoadRecord(c, WorkerTable(), caller, worker_id));
    const auto assignment = TRY(LatestAssignment(c, caller, worker_id));
    if (!assignment) {
      return InvalidInput({{"worker_id", "knowledge.no_assignment",
                            "The worker has no assignment, so no client or account executive to ask."}},
                          "The question");
    }
    const std::string question = input["question"].get<std::string>();
    const std::string to = input["to"].get<std::string>();
    const std::string due = input.contains("due_date") && input["due_date"].is_string()
                                ? input["due_date"].get<std::string>()
                                : DefaultLevelTwoDue(today).ToString();
    std::string who = to == "hrbp" ? "the HRBP" : "the account executive";
    if (to == "account_executive") {
      const json programme = TRY(LoadRecord(c, ProgrammeTable(), SystemPrincipal(),
                                            (*assignment)["programme_id"].get<int64_t>()));
      if (programme["account_executive"].is_string() && !programme["account_executive"].get<std::string>().empty()) {
        who += " (" + programme["account_executive"].get<std::string>() + ")";
      }
    }
    std::string detail = question + "\n\nWorker: " + worker["first_name"].get<std::string>() + " " +
                         worker["last_name"].get<std::string>() + ". Asked by " + caller.name + " on " +
                         today.ToString() + "; answer due " + due + ".";
    if (input.contains("article_id")) {
      const json article = TRY(LoadRecord(c, KnowledgeTable(), caller, input["article_id"].get<int64_t>()));
      detail += "\nLevel 1 article consulted: #" + std::to_string(article["id"].get<int64_t>()) + " " +
                article["title"].get<std::string>() + " (version " +
                std::to_string(article["version"].get<int64_t>()) + ").";
    }
    json task = TRY(InsertAudited(c, TaskTable(), caller,
                                  {{"client_id", (*assignment)["client_id"]},
                                   {"entity", "worker"},
                                   {"entity_id", worker_id},
                                   {"title", "Level II question for " + who + ": " + Shorten(question, 80)},
                                   {"detail", detail},
                                   {"owner", to},
                                   {"status", "open"},
                                   {"due_date", due}},
                                  request_id));
    TRY(AppendTimeline(c, caller,
                       {{"worker_id", worker_id},
                        {"client_id", (*assignment)["client_id"]},
                        {"assignment_id", (*assignment)["id"]},
                        {"kind", "note"},
                        {"subject", "Level II question sent to " + who},
                        {"body", detail}},
                       request_id));
    return task;
  });
}

}  // namespace concord::workforce
