// `concord migrate`, `concord demo`, `concord user add|passwd|token`, `concord audit verify`.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/demo.h"
#include "app/platform.h"
#include "audit/audit.h"

namespace concord::app {
namespace {

// Runs `work` on an open platform; prints an error and sets the exit code when anything fails.
template <class F>
void WithPlatform(const Config& config, bool create_key, F work) {
  auto platform = OpenPlatform(config, create_key);
  if (!platform.ok()) {
    std::cerr << "concord: " << platform.error().message << "\n";
    SetExitCode(ExitCode(platform.error().kind));
    return;
  }
  Status status = work(**platform);
  if (!status.ok()) {
    std::cerr << "concord: " << status.error().message << "\n";
    for (const auto& f : status.error().fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
    SetExitCode(ExitCode(status.error().kind));
  }
}

std::string ReadPassword(const std::string& given) {
  if (!given.empty()) return given;
  std::string line;
  std::getline(std::cin, line);  // from a pipe or a terminal; never from argv in scripts that log
  return line;
}

void AddUserCommands(CLI::App& app) {
  CLI::App* user = app.add_subcommand("user", "Manage users: add, passwd, token");
  user->require_subcommand(1);

  struct AddOptions {
    Config config;
    std::string email, name, role = "coordinator", password;
    std::vector<int64_t> clients;
    int64_t worker = 0;
  };
  auto add = std::make_shared<AddOptions>();
  CLI::App* add_cmd = user->add_subcommand("add", "Add a user (password from --password or standard input)");
  add->config.AddOptions(*add_cmd);
  add_cmd->add_option("--email", add->email, "Login email")->required();
  add_cmd->add_option("--name", add->name, "Display name")->required();
  add_cmd->add_option("--role", add->role, "admin, manager, coordinator, client_user or worker");
  add_cmd->add_option("--client", add->clients, "Client id a client_user belongs to (repeatable)");
  add_cmd->add_option("--worker", add->worker, "Worker record a worker user is bound to");
  add_cmd->add_option("--password", add->password, "Password (default: read a line from standard input)");
  add_cmd->callback([add] {
    WithPlatform(add->config, true, [&](Platform& p) -> Status {
      auto role = auth::ParseRole(add->role);
      if (!role) return Error::Invalid("user.role_invalid", "Unknown role " + add->role);
      auto user = TRY(p.accounts->AddUser(
          {add->email, add->name, *role, ReadPassword(add->password), add->clients,
           add->worker ? std::optional<int64_t>(add->worker) : std::nullopt},
          audit::Actor::System("cli")));
      std::cout << "added user " << user.id << " <" << user.email << "> as " << auth::RoleName(user.role) << "\n";
      return {};
    });
  });

  struct PasswdOptions {
    Config config;
    std::string email, password;
  };
  auto passwd = std::make_shared<PasswdOptions>();
  CLI::App* passwd_cmd = user->add_subcommand("passwd", "Set a user's password (ends their sessions, unlocks)");
  passwd->config.AddOptions(*passwd_cmd);
  passwd_cmd->add_option("--email", passwd->email, "Login email")->required();
  passwd_cmd->add_option("--password", passwd->password, "Password (default: read a line from standard input)");
  passwd_cmd->callback([passwd] {
    WithPlatform(passwd->config, true, [&](Platform& p) -> Status {
      TRY(p.accounts->SetPassword(passwd->email, ReadPassword(passwd->password), audit::Actor::System("cli")));
      std::cout << "password changed\n";
      return {};
    });
  });

  struct TokenOptions {
    Config config;
    std::string email, name = "cli";
  };
  auto token = std::make_shared<TokenOptions>();
  CLI::App* token_cmd = user->add_subcommand("token", "Create an API token for a user (printed once)");
  token->config.AddOptions(*token_cmd);
  token_cmd->add_option("--email", token->email, "Login email")->required();
  token_cmd->add_option("--name", token->name, "What the token is for");
  token_cmd->callback([token] {
    WithPlatform(token->config, true, [&](Platform& p) -> Status {
      std::cout << TRY(p.accounts->CreateApiToken(token->email, token->name, audit::Actor::System("cli"))) << "\n";
      return {};
    });
  });
}

}  // namespace

void AddAdminCommands(CLI::App& app) {
  auto migrate = std::make_shared<Config>();
  CLI::App* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate->AddOptions(*migrate_cmd);
  migrate_cmd->callback([migrate] {
    WithPlatform(*migrate, true, [](Platform&) -> Status {
      std::cout << "database is up to date\n";
      return {};
    });
  });

  struct DemoOptions {
    Config config;
    uint64_t seed = 42;
    std::string size = "small";
    bool reset = false;
  };
  auto demo = std::make_shared<DemoOptions>();
  CLI::App* demo_cmd = app.add_subcommand("demo", "Create a database full of generated demo data");
  demo->config.AddOptions(*demo_cmd);
  demo_cmd->add_option("--seed", demo->seed, "Random seed (the same seed gives the same data)");
  demo_cmd->add_option("--size", demo->size, "small or large")->check(CLI::IsMember({"small", "large"}));
  demo_cmd->add_flag("--reset", demo->reset, "Delete the SQLite database file first");
  demo_cmd->callback([demo] {
    if (demo->reset && !demo->config.db.empty() && !demo->config.db.starts_with("postgres")) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(demo->config.db + suffix);
    }
    WithPlatform(demo->config, true, [&](Platform& p) -> Status {
      auto existing = p.accounts->ListUsers(std::nullopt);
      if (existing.ok() && !existing->empty()) {
        return Error::Conflict("demo.not_empty", "The database already has users; use --reset (SQLite) or a new one.");
      }
      auto logins = TRY(GenerateDemo(p, demo->seed, demo->size == "large" ? DemoSize::kLarge : DemoSize::kSmall));
      std::cout << "Demo data created. Log in with password \"" << kDemoPassword << "\" as:\n";
      for (const auto& login : logins) {
        std::cout << "  " << login.email << "  (" << login.role << ": " << login.note << ")\n";
      }
      return {};
    });
  });

  CLI::App* audit_cmd = app.add_subcommand("audit", "Audit trail: verify");
  audit_cmd->require_subcommand(1);
  auto verify = std::make_shared<Config>();
  CLI::App* verify_cmd = audit_cmd->add_subcommand("verify", "Check the hash chain: any edited or deleted event");
  verify->AddOptions(*verify_cmd);
  verify_cmd->callback([verify] {
    WithPlatform(*verify, false, [](Platform& p) -> Status {
      auto conn = TRY(p.db->Acquire());
      auto report = TRY(audit::Verify(*conn));
      if (report.ok) {
        std::cout << "audit trail intact: " << report.events << " events\n";
        return {};
      }
      return Error::Invalid("audit.broken", "audit trail broken at event " +
                                                std::to_string(report.first_bad_seq.value_or(0)) + ": " + report.problem);
    });
  });

  AddUserCommands(app);
}

}  // namespace concord::app
