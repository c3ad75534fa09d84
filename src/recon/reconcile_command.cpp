#include "recon/reconcile_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "recon/recon.h"
#include "recon/sinks.h"

namespace concord::recon {
namespace {

struct CommandOptions {
  std::string spec;
  std::string left;
  std::string right;
  std::string out;
  bool summary = false;
  int threads = 0;
  uint64_t memory_budget = 0;
  std::string temp_dir;
};

// Draws "read  [#######.....]  42%" on stderr, at most ~10 times a second.
class TerminalProgress : public Progress {
 public:
  void Update(std::string_view phase, uint64_t done, uint64_t total) override {
    auto now = std::chrono::steady_clock::now();
    if (done < total && phase == phase_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    phase_ = std::string(phase);
    int pct = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    int filled = pct * 30 / 100;
    std::fprintf(stderr, "\r%-8s [%.*s%.*s] %3d%%", phase_.c_str(), filled, "##############################",
                 30 - filled, "..............................", pct);
    std::fflush(stderr);
  }
  void Done() { std::fprintf(stderr, "\r%60s\r", ""); }

 private:
  std::string phase_;
  std::chrono::steady_clock::time_point last_{};
};

void PrintError(const Error& e) {
  std::fprintf(stderr, "concord reconcile: %s\n", e.message.c_str());
}

int Run(const CommandOptions& o) {
  auto spec = LoadSpec(o.spec);
  if (!spec.ok()) {
    PrintError(spec.error());
    return 1;
  }
  Inputs inputs;
  inputs.left.path = o.left;
  inputs.right.path = o.right;
  auto sink = OpenFileSink(o.out);
  if (!sink.ok()) {
    PrintError(sink.error());
    return 1;
  }
  Options options;
  unsigned hw = std::thread::hardware_concurrency();
  options.threads = o.threads > 0 ? o.threads : static_cast<int>(hw == 0 ? 2 : hw);
  if (o.memory_budget > 0) {
    options.memory_budget = o.memory_budget;
  } else {
    // Default: spill when the inputs exceed half of physical memory.
    long pages = ::sysconf(_SC_PHYS_PAGES);
    long page = ::sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0) options.memory_budget = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) / 2;
  }
  options.temp_dir = o.temp_dir;
  std::unique_ptr<TerminalProgress> progress;
  if (::isatty(STDERR_FILENO)) progress = std::make_unique<TerminalProgress>();
  auto summary = Reconcile(*spec, inputs, **sink, progress.get(), options);
  if (progress) progress->Done();
  if (!summary.ok()) {
    PrintError(summary.error());
    return summary.error().kind == ErrorKind::kInvalid ? 1 : 2;
  }
  if (o.summary) std::fputs(SummaryText(*summary).c_str(), stdout);
  return 0;
}

void Register(CLI::App& cmd, std::shared_ptr<CommandOptions> o) {
  cmd.add_option("--spec", o->spec, "reconciliation spec (TOML)")->required()->check(CLI::ExistingFile);
  cmd.add_option("--left", o->left, "left input (overrides the spec's left.path)");
  cmd.add_option("--right", o->right, "right input (overrides the spec's right.path)");
  cmd.add_option("--out", o->out, "result file: .json, .csv or .xlsx")->required();
  cmd.add_flag("--summary", o->summary, "print the summary counts when done");
  cmd.add_option("--threads", o->threads, "worker threads (default: all cores)");
  cmd.add_option("--memory-budget", o->memory_budget,
                 "bytes of input above which records are partitioned to disk (default: half of RAM)");
  cmd.add_option("--temp-dir", o->temp_dir, "folder for partition files (default: $TMPDIR or /tmp)");
}

}  // namespace

void AddReconcileCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CommandOptions>();
  CLI::App* cmd = app.add_subcommand("reconcile", "Compare two record sets as a spec describes");
  Register(*cmd, options);
  cmd->callback([options, exit_code] { *exit_code = Run(*options); });
}

void AddReconcileCommand(CLI::App& app) {
  auto options = std::make_shared<CommandOptions>();
  CLI::App* cmd = app.add_subcommand("reconcile", "Compare two record sets as a spec describes");
  Register(*cmd, options);
  cmd->callback([options] {
    int code = Run(*options);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

int RunReconcileCli(int argc, char** argv) {
  CLI::App app{"concord-reconcile: compare two record sets as a spec describes"};
  auto options = std::make_shared<CommandOptions>();
  Register(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  return Run(*options);
}

}  // namespace concord::recon
