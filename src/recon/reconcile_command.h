// `concord reconcile`: the command-line face of the reconciliation engine.
//
//   concord reconcile --spec spec.toml [--left FILE] [--right FILE] --out result.(json|csv|xlsx)
//                     [--summary] [--threads N] [--memory-budget BYTES] [--temp-dir DIR]
//
// Exit status: 0 when the run completed (whatever it found), 1 when the spec or an input is invalid
// (the message names the file, line and column or the spec key; no output file is written), 2 for
// other failures (output not writable, disk full while spilling).
#pragma once

#include <CLI/CLI.hpp>

namespace concord::recon {

// Adds the "reconcile" subcommand to `app`. A non-zero exit status is raised as CLI::RuntimeError(code)
// from the callback, so the usual `CLI11_PARSE(app, argc, argv)` (or `return app.exit(e)`) in main
// returns it; messages are already printed on stderr.
void AddReconcileCommand(CLI::App& app);
// The same, leaving the exit status in *exit_code instead of throwing.
void AddReconcileCommand(CLI::App& app, int* exit_code);

// Parses argv as `reconcile` arguments and runs it (for a standalone binary).
int RunReconcileCli(int argc, char** argv);

}  // namespace concord::recon
