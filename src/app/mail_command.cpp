// `concord mail ingest [FILE]`: one inbound message (.eml, or standard input when FILE is "-" or absent)
// into the service desk, for a mail server's pipe or alias, e.g. in /etc/aliases:
//   support: "|/usr/bin/concord mail ingest --db /var/lib/concord/concord.db"
// With --to-timeline a message from a worker goes on their timeline (workforce/timeline_imports.h) instead.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/commands.h"
#include "app/platform.h"
#include "service/mail_ingest_command.h"

namespace concord::app {

void AddMailCommand(CLI::App& app) {
  CLI::App* mail = app.add_subcommand("mail", "Service-desk mail: ingest");
  mail->require_subcommand(1);
  struct Options {
    Config config;
    std::string file = "-";
    bool to_timeline = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* ingest = mail->add_subcommand(
      "ingest", "Take one inbound .eml into the desk (exit 0 taken, 65 unreadable: bounce, 75 try again later)");
  o->config.AddOptions(*ingest);
  ingest->add_option("file", o->file, "The .eml file; - or absent: standard input");
  ingest->add_flag("--to-timeline", o->to_timeline,
                   "A message from a worker (or from a client contact to a worker) goes on the worker's timeline; "
                   "any other to the desk");
  ingest->callback([o] {
    std::string raw;
    if (o->file == "-") {
      std::ostringstream s;
      s << std::cin.rdbuf();
      raw = s.str();
    } else {
      std::ifstream in(o->file, std::ios::binary);
      if (!in) {
        std::cerr << "concord mail ingest: cannot read " << o->file << "\n";
        SetExitCode(service::kExDataErr);
        return;
      }
      raw.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto platform = OpenPlatform(o->config, false);
    if (!platform.ok()) {
      std::cerr << "concord mail ingest: " << platform.error().message << "\n";
      SetExitCode(service::kExTempFail);  // the database is not reachable now: the mail server retries
      return;
    }
    if (o->to_timeline) {
      const auto taken = (*platform)->workforce_comms->imports.IngestMail(workforce::SystemPrincipal(), raw,
                                                                          "cli:mail-ingest");
      if (taken.ok() && taken->matched) {
        std::cout << "worker " << taken->worker_id << " timeline "
                  << (taken->duplicate ? "unchanged (duplicate)" : "entry " + std::to_string(taken->entry_id)) << "\n";
        return;
      }
    }
    SetExitCode(service::RunMailIngest(*(*platform)->service, raw, std::cout, std::cerr));
  });
}

}  // namespace concord::app
