#include "app/commands.h"

#include <CLI/CLI.hpp>

#include "recon/reconcile_command.h"
#include "wfm/wfm_command.h"

namespace concord::app {
namespace {
int exit_code = 0;
}  // namespace

int ExitCode() { return exit_code; }
void SetExitCode(int code) { exit_code = code; }

void AddCommands(CLI::App& app) {
  AddServeCommand(app);
  AddAdminCommands(app);
  AddMailCommand(app);
  recon::AddReconcileCommand(app, &exit_code);
  wfm::AddWfmCommand(app);
}

}  // namespace concord::app
