// concord: the back office of an employer-services firm. One program, many commands:
//   concord serve | migrate | demo | user add|passwd|token | audit verify | reconcile | wfm
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "app/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"concord — every record agrees: clients, workforce, service desk, benefits, billing, agencies."};
  app.require_subcommand(1);
  concord::app::AddCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return concord::app::ExitCode();
}
