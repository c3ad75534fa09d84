#include "jobs/routes.h"

#include <charconv>

#include "api/api.h"
#include "jobs/jobs.h"

namespace concord::jobs {
namespace {

Result<Job> VisibleJob(store::Connection& conn, const http::Context& ctx) {
  const std::string& text = ctx.Param("id");
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  const Error missing = Error::NotFound("job.not_found", "No such job.");
  if (ec != std::errc() || ptr != text.data() + text.size()) return missing;
  auto job = Get(conn, id);
  if (!job.ok()) return missing;
  const auth::Principal& caller = api::Caller(ctx);
  const bool mine = job->created_by && *job->created_by == caller.user_id;
  const bool overseer = caller.role == auth::Role::kAdmin || caller.role == auth::Role::kManager;
  if (!mine && !overseer) return missing;
  return job;
}

}  // namespace

void InstallRoutes(http::Router& router, store::Database& db) {
  router.Add(
      "GET", "/api/v1/jobs/{id}",
      [&db](http::Context& ctx) {
        auto conn = db.Acquire();
        if (!conn.ok()) return api::ProblemFor(conn.error(), ctx.request);
        auto job = VisibleJob(**conn, ctx);
        if (!job.ok()) return api::ProblemFor(job.error(), ctx.request);
        return http::Response::Json(job->ToJson());
      },
      {"A background job's state and progress", "jobs", true, nullptr, {{"$ref", "#/components/schemas/Job"}}});

  router.Add(
      "GET", "/api/v1/jobs/{id}/result",
      [&db](http::Context& ctx) {
        auto conn = db.Acquire();
        if (!conn.ok()) return api::ProblemFor(conn.error(), ctx.request);
        auto job = VisibleJob(**conn, ctx);
        if (!job.ok()) return api::ProblemFor(job.error(), ctx.request);
        if (!job->file_id) return api::ProblemFor(Error::NotFound("job.no_result", "This job has no file (yet)."), ctx.request);
        auto file = LoadFile(**conn, *job->file_id);
        if (!file.ok()) return api::ProblemFor(file.error(), ctx.request);
        return http::Response::Download(std::move(file->content), file->content_type, file->name);
      },
      {"Download the file a job produced", "jobs", true, nullptr, nullptr});
}

}  // namespace concord::jobs
