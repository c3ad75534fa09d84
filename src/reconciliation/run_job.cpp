// The "reconciliation.run" job: reads the inputs, runs the engine, and stores counts and items.
#include <fstream>
#include <map>
#include <sstream>

#include "crypto/crypto.h"
#include "reconciliation/service.h"
#include "store/time.h"

namespace concord::reconciliation {
namespace {

// The job's progress bar runs 0..1000 across the engine's phases, so it never jumps backwards when the
// engine moves from reading to joining.
class PhaseProgress final : public recon::Progress {
 public:
  explicit PhaseProgress(jobs::Progress& out) : out_(out) {}
  void Update(std::string_view phase, uint64_t done, uint64_t of) override {
    struct Span {
      int64_t from, to;
      const char* label;
    };
    Span span{0, 450, "Reading the inputs"};
    if (phase == "join") span = {450, 900, "Comparing"};
    if (phase == "suggest") span = {900, 950, "Suggesting matches"};
    const double fraction = of ? static_cast<double>(done) / static_cast<double>(of) : 0.0;
    out_.Update(span.from + static_cast<int64_t>(fraction * static_cast<double>(span.to - span.from)), kTotal,
                span.label);
  }
  static constexpr int64_t kTotal = 1000;

 private:
  jobs::Progress& out_;
};

Result<std::string> ReadServerFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Invalid("recon.input_unreadable", path + ": cannot read the file",
                          {{path, "recon.input_unreadable", "The server cannot read this file."}});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Applied {
  int64_t opened = 0, linked = 0, closed = 0;
  bool superseded = false;
};

// Turns a run's drafts into items, inside the caller's transaction.
Result<Applied> ApplyItems(store::Connection& c, const Run& run, std::vector<ItemDraft>& drafts,
                           const audit::Actor& actor) {
  Applied applied;
  const int64_t last = TRY(LockSpecForRun(c, run.spec_id));
  if (run.id < last) {
    // A newer run of the spec already decided the items' state; an older view must not undo it.
    applied.superseded = true;
    return applied;
  }
  std::map<std::pair<std::string, std::string>, LiveItem> live;
  for (auto& item : TRY(LiveItems(c, run.spec_id))) {
    live.emplace(std::pair{item.kind, item.key}, std::move(item));
  }
  std::vector<const ItemDraft*> fresh;
  for (const auto& draft : drafts) {
    auto it = live.find({draft.kind, draft.key});
    if (it == live.end()) {
      fresh.push_back(&draft);
      continue;
    }
    TRY(SeeItem(c, it->second, run.id, draft.details.dump()));
    live.erase(it);
    ++applied.linked;
  }
  TRY(InsertItems(c, run, fresh));
  applied.opened = static_cast<int64_t>(fresh.size());
  const std::string note = "no longer differs in run " + std::to_string(run.id);
  const std::string now = store::NowText();
  for (const auto& [id, item] : live) {
    TRY(
        c.Execute("UPDATE recon_items SET status = 'resolved', resolution_note = ?, resolved_by = NULL, "
                  "resolved_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
                  {note, now, now, item.id}));
    TRY(audit::Append(c, actor,
                      {"recon_item",
                       std::to_string(item.id),
                       run.client_id,
                       "auto_resolve",
                       {{"status", item.status}},
                       {{"status", "resolved"}, {"resolution_note", note}, {"run_id", run.id}}}));
    ++applied.closed;
  }
  TRY(LinkItemsToRun(c, run.id));
  TRY(SetLastAppliedRun(c, run.spec_id, run.id));
  return applied;
}

}  // namespace

void ReconciliationService::RegisterJobs(jobs::Registry& registry) {
  registry.Register(kRunJob,
                    [this](const jobs::Job& job, jobs::Progress& progress) { return ExecuteRun(job, progress); });
}

// The run a job works on: named by the payload (started through the API), or created on the first
// attempt of a scheduled job (found again by job id when the job is retried).
Result<Run> ReconciliationService::RunForJob(const jobs::Job& job) {
  return db_.Transact<Run>([&](store::Connection& c) -> Result<Run> {
    if (job.payload.contains("run_id") && job.payload["run_id"].is_number_integer()) {
      return LoadRun(c, std::nullopt, job.payload["run_id"].get<int64_t>());
    }
    if (auto existing = TRY(FindRunByJob(c, job.id))) return *existing;
    if (!job.payload.contains("spec_id") || !job.payload["spec_id"].is_number_integer()) {
      return Error::Invalid("reconciliation.bad_job", "The job names neither a run nor a spec.");
    }
    const SpecRecord spec = TRY(LoadSpec(c, std::nullopt, job.payload["spec_id"].get<int64_t>()));
    if (spec.left_path.empty() || spec.right_path.empty()) {
      return Error::Invalid("reconciliation.not_scheduled", "Spec " + std::to_string(spec.id) + " has no input paths.");
    }
    Run run;
    run.spec_id = spec.id;
    run.spec_version = spec.version;
    run.spec_name = spec.name;
    run.spec_toml = spec.toml;
    run.left.name = spec.left_path;
    run.right.name = spec.right_path;
    run.client_id = spec.client_id;
    run.job_id = job.id;
    run.id = TRY(InsertRun(c, run));
    TRY(audit::Append(c, audit::Actor::System("job:" + std::to_string(job.id)),
                      {"recon_run",
                       std::to_string(run.id),
                       run.client_id,
                       "start",
                       nullptr,
                       {{"spec_id", spec.id}, {"schedule", job.payload.value("schedule", "")}}}));
    return LoadRun(c, std::nullopt, run.id);
  });
}

Result<jobs::Outcome> ReconciliationService::ExecuteRun(const jobs::Job& job, jobs::Progress& progress) {
  Run run = TRY(RunForJob(job));
  if (run.state == "succeeded") return jobs::Outcome{{{"run_id", run.id}, {"summary", run.summary}}, std::nullopt};
  const audit::Actor actor = audit::Actor::System("job:" + std::to_string(job.id));

  // Records why the run failed (its own transaction: the job's failure is recorded by the queue).
  auto fail = [&](Error error) -> Result<jobs::Outcome> {
    (void)db_.TransactStatus([&](store::Connection& c) -> Status {
      TRY(FinishRun(c, run.id, "failed", run.summary, error.message));
      return audit::Append(
          c, actor, {"recon_run", std::to_string(run.id), run.client_id, "fail", nullptr, {{"error", error.message}}});
    });
    return error;
  };

  progress.Update(0, PhaseProgress::kTotal, "Loading the inputs");
  std::string texts[2];
  const RunInput* inputs[2] = {&run.left, &run.right};
  for (int side = 0; side < 2; ++side) {
    Result<std::string> bytes = Error::Internal("unreachable", "");
    if (inputs[side]->file_id) {
      auto conn = TRY(db_.Acquire());
      auto file = jobs::LoadFile(*conn, *inputs[side]->file_id);
      bytes = file.ok() ? Result<std::string>(std::move(file->content)) : Result<std::string>(file.error());
    } else {
      bytes = ReadServerFile(inputs[side]->name);
    }
    if (!bytes.ok()) return fail(bytes.error());
    texts[side] = std::move(bytes).value();
  }
  const std::string left_sha = crypto::Sha256Hex(texts[0]);
  const std::string right_sha = crypto::Sha256Hex(texts[1]);
  TRY(db_.TransactStatus([&](store::Connection& c) { return MarkRunRunning(c, run.id, left_sha, right_sha); }));

  auto spec = recon::ParseSpec(run.spec_toml, run.spec_name);
  if (!spec.ok()) return fail(spec.error());
  recon::Inputs in{{run.left.name, std::move(texts[0])}, {run.right.name, std::move(texts[1])}};
  ItemSink sink(kMaxItems);
  PhaseProgress phases(progress);
  auto summary = recon::Reconcile(*spec, in, sink, &phases);
  if (!summary.ok()) return fail(summary.error());

  progress.Update(950, PhaseProgress::kTotal, "Storing the items");
  std::vector<ItemDraft> drafts = sink.TakeItems();
  nlohmann::json counts = recon::SummaryToJson(*summary);
  Status stored = db_.TransactStatus([&](store::Connection& c) -> Status {
    const Applied applied = TRY(ApplyItems(c, run, drafts, actor));
    counts["items"] = static_cast<int64_t>(drafts.size());
    counts["items_opened"] = applied.opened;
    counts["items_linked"] = applied.linked;
    counts["items_closed"] = applied.closed;
    counts["superseded"] = applied.superseded;
    TRY(FinishRun(c, run.id, "succeeded", counts, ""));
    return audit::Append(c, actor,
                         {"recon_run",
                          std::to_string(run.id),
                          run.client_id,
                          "complete",
                          nullptr,
                          {{"summary", counts}, {"left_sha256", left_sha}, {"right_sha256", right_sha}}});
  });
  if (!stored.ok()) return fail(stored.error());
  progress.Update(PhaseProgress::kTotal, PhaseProgress::kTotal, "Done");
  return jobs::Outcome{{{"run_id", run.id}, {"summary", counts}}, std::nullopt};
}

}  // namespace concord::reconciliation
