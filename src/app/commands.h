// The concord subcommands. Each Add* registers one command (and its options) on the CLI; the command
// runs from CLI11's callback and records its exit code.
#pragma once

namespace CLI {
class App;
}

namespace concord::app {

void AddCommands(CLI::App& app);
// The exit code of the command that ran: 0 success, 1 invalid input, 3 access, 4 conflict, 70 internal.
int ExitCode();
void SetExitCode(int code);

void AddServeCommand(CLI::App& app);
void AddAdminCommands(CLI::App& app);  // migrate, demo, user, audit
void AddMailCommand(CLI::App& app);    // mail ingest

}  // namespace concord::app
