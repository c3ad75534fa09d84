#include "auth/principal.h"

#include <algorithm>
#include <array>

namespace concord::auth {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kManager: return "manager";
    case Role::kCoordinator: return "coordinator";
    case Role::kClientUser: return "client_user";
    case Role::kWorker: return "worker";
  }
  return "worker";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAdmin, Role::kManager, Role::kCoordinator, Role::kClientUser, Role::kWorker}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

// The one table of what each role may do. Admins may do everything and managers everything but manage
// users; the other roles may do what their list says (each module adds its line).
namespace {

using P = Permission;

constexpr std::array kCoordinator = {
    P::kClientsRead, P::kClientsWrite, P::kClientsImport, P::kAuditRead, P::kUsersRead, P::kJobsRun,
    P::kReconRead, P::kReconWork,
    P::kWfmRead,
    P::kWorkforceRead, P::kWorkforceWrite, P::kTimeEnter, P::kTimeApprove,
    P::kAgencyRead, P::kAgencyWrite, P::kAgencyApprove,
    P::kCasesRead, P::kCasesOpen, P::kCasesWork,
    P::kMailRead, P::kMailSend,
};

// Client users work in the portal on their own clients' records (every query is scoped).
constexpr std::array kClientUser = {
    P::kClientsRead, P::kAuditRead, P::kJobsRun,
    P::kReconRead,
    P::kWorkforceRead, P::kTimeApprove,
    P::kAgencyRead, P::kAgencyApprove,
    P::kCasesRead, P::kCasesOpen,
};

// A worker sees only themself.
constexpr std::array kWorker = {P::kWorkforceRead, P::kTimeEnter, P::kCasesRead, P::kCasesOpen};

template <size_t N>
bool Lists(const std::array<Permission, N>& list, Permission p) {
  return std::find(list.begin(), list.end(), p) != list.end();
}

}  // namespace

bool RoleHas(Role role, Permission p) {
  switch (role) {
    case Role::kAdmin: return true;
    case Role::kManager: return p != Permission::kUsersManage;
    case Role::kCoordinator: return Lists(kCoordinator, p);
    case Role::kClientUser: return Lists(kClientUser, p);
    case Role::kWorker: return Lists(kWorker, p);
  }
  return false;
}

std::optional<std::vector<int64_t>> Principal::ClientScope() const {
  if (Internal()) return std::nullopt;
  if (role == Role::kClientUser) return client_ids;
  return std::vector<int64_t>{};
}

bool Principal::CanSeeClient(int64_t client_id) const {
  if (Internal()) return true;
  return role == Role::kClientUser && std::find(client_ids.begin(), client_ids.end(), client_id) != client_ids.end();
}

Status Principal::Require(Permission permission) const {
  if (RoleHas(role, permission)) return {};
  return Error::Forbidden("auth.forbidden", "Your role (" + std::string(RoleName(role)) + ") may not do this.");
}

}  // namespace concord::auth
