// Level-1 knowledge over HTTP: the articles (list, search, exports, one, create, edit, versions) and a
// Level II question about a worker.
#include "api/api.h"
#include "workforce/comms_records.h"
#include "workforce/knowledge.h"
#include "workforce/routes_comms.h"
#include "workforce/routes_support.h"

namespace concord::workforce {

using api::Guarded;
using api::PathId;
using auth::Permission;
using http::Context;
using http::Response;

void InstallKnowledgeRoutes(http::Router& router, WorkforceService& workforce, KnowledgeBase& knowledge) {
  InstallList(router, workforce,
              {"/api/v1/knowledge", "workforce", &KnowledgeTable(), "KnowledgeArticle", {"topic", "status"},
               {"id", "title", "topic", "status", "version", "edited_by", "updated_at"}, "knowledge articles"});
  router.Add(
      "GET", "/api/v1/knowledge/{id}",
      [&workforce](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          json article = TRY(workforce.Get(caller, KnowledgeTable(), TRY(PathId(ctx))));
          article["reply_text"] = ArticleReplyText(article);
          return RecordResponse(article);
        });
      },
      {"One knowledge article, with the text to paste into a reply (ETag for If-Match)", "workforce", true, nullptr,
       Ref("KnowledgeArticle")});
  router.Add(
      "GET", "/api/v1/knowledge/{id}/revisions",
      [&knowledge](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceRead, [&](const auth::Principal& caller) -> Result<Response> {
          return Response::Json({{"items", TRY(knowledge.Revisions(caller, TRY(PathId(ctx))))}});
        });
      },
      {"Every version of a knowledge article, oldest first", "workforce", true, nullptr,
       api::ListSchema({{"type", "object"}})});
  router.Add(
      "POST", "/api/v1/knowledge",
      [&knowledge](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(knowledge.Create(caller, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)),
                                201);
        });
      },
      {"Write a knowledge article (citations required)", "workforce", true, Ref("KnowledgeArticleInput"),
       Ref("KnowledgeArticle"), {}, 201});
  router.Add(
      "PATCH", "/api/v1/knowledge/{id}",
      [&knowledge](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          const int64_t id = TRY(PathId(ctx));
          const int64_t version = TRY(api::IfMatchVersion(ctx.request));
          return RecordResponse(
              TRY(knowledge.Update(caller, id, version, TRY(api::JsonBody(ctx.request)), ctx.request.request_id)));
        });
      },
      {"Edit a knowledge article: a new version, the old one kept (If-Match)", "workforce", true,
       Ref("KnowledgeArticleInput"), Ref("KnowledgeArticle")});
  router.Add(
      "POST", "/api/v1/workers/{id}/level2-questions",
      [&knowledge](Context& ctx) {
        return Guarded(ctx, Permission::kWorkforceWrite, [&](const auth::Principal& caller) -> Result<Response> {
          return RecordResponse(TRY(knowledge.EscalateQuestion(caller, TRY(PathId(ctx)), TRY(api::JsonBody(ctx.request)),
                                                               TRY(TodayFrom(ctx.request)), ctx.request.request_id)),
                                201);
        });
      },
      {"Escalate a question Level 1 cannot answer to the HRBP or the account executive: a task with a due date "
       "(2 business days unless given), noted on the worker's timeline",
       "workforce", true, Ref("LevelTwoQuestion"), Ref("Task"), {"today"}, 201});
}

}  // namespace concord::workforce
