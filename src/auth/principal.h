// Who is calling and what they may see. Roles grant permissions (checked in the api layer); scope says
// which clients and which worker the caller may see (applied in every store query).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "core/result.h"

namespace concord::auth {

enum class Role { kAdmin, kManager, kCoordinator, kClientUser, kWorker };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

enum class Permission {
  kClientsRead,
  kClientsWrite,
  kClientsImport,
  kTaxIdReveal,  // read a client's tax id in full (audited)
  kAuditRead,
  kAuditVerify,  // check the whole audit chain for tampering (a job over every event)
  kUsersRead,    // internal directory, e.g. the account-team picker
  kUsersManage,
  kJobsRun,
  kReconRead,      // reconciliation specs, runs and exception items (scoped like everything else)
  kReconWork,      // save specs, upload inputs, start runs, assign/resolve/accept items
  kReconSchedule,  // schedule runs on files the server reads from its own disk
  kWfmRead,        // workforce management: queues, history, forecasts, staffing plans (internal)
  kWfmPlan,        // change queues' targets, import call detail and schedules, run forecasts
  kWorkforceRead,     // programmes, workers, PSRs, assignments… (scoped: a worker sees only themself)
  kWorkforceWrite,    // the coordinator's edits: PSRs, assignments and their life cycle, onboarding
  kWorkforceApprove,  // sign an escalated contractor classification
  kTimeEnter,         // enter and submit timecards and expenses (a worker: their own)
  kTimeApprove,       // approve or reject timecards and expenses (a client user: their client's)
  kAgencyRead,          // agency jobs, estimates, time, invoices and reports (scoped)
  kAgencyWrite,         // open jobs, edit estimates, enter time, draft invoices
  kAgencyApprove,       // approve or decline an estimate (client users in the portal; staff recording one)
  kAgencyAdmin,         // agency settings, rate card, period locks, time approval, issuing invoices
  kAgencyLockOverride,  // edit time in a locked period (never frozen time)
  kCasesRead,        // service cases in the caller's scope (portal users: their own)
  kCasesOpen,        // open a case and write messages on it (the portal)
  kCasesWork,        // agent work: replies, notes, calls, status, assignment, merge, macros
  kServiceConfigure, // queues, SLA policies, calendars, macros; reports and quality reviews
  kMailRead,         // the outbox: what concord sent, to whom, and whether it went (internal)
  kMailSend,         // send a held or failed message again, or a test message to check the relay
};

bool RoleHas(Role role, Permission permission);

struct Principal {
  int64_t user_id = 0;
  std::string email;
  std::string name;
  Role role = Role::kWorker;
  std::vector<int64_t> client_ids;       // client_user: the clients they belong to
  std::optional<int64_t> worker_id;      // worker: the worker record they are
  std::string csrf_token;                // empty when authenticated by API token
  bool via_api_token = false;

  bool Internal() const { return role == Role::kAdmin || role == Role::kManager || role == Role::kCoordinator; }
  // nullopt: every client; otherwise only these (possibly none).
  std::optional<std::vector<int64_t>> ClientScope() const;
  bool CanSeeClient(int64_t client_id) const;
  Status Require(Permission permission) const;
  audit::Actor Actor(std::string request_id) const { return {user_id, name, std::move(request_id)}; }
};

}  // namespace concord::auth
