#include "auth/principal.h"

#include <algorithm>

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

// The one table of what each role may do.
bool RoleHas(Role role, Permission p) {
  switch (role) {
    case Role::kAdmin: return true;
    case Role::kManager: return p != Permission::kUsersManage;
    case Role::kCoordinator:
      return p == Permission::kClientsRead || p == Permission::kClientsWrite || p == Permission::kClientsImport ||
             p == Permission::kAuditRead || p == Permission::kUsersRead || p == Permission::kJobsRun ||
             p == Permission::kReconRead || p == Permission::kReconWork || p == Permission::kCasesRead ||
             p == Permission::kCasesOpen || p == Permission::kCasesWork;
    case Role::kClientUser:
      return p == Permission::kClientsRead || p == Permission::kAuditRead || p == Permission::kJobsRun ||
             p == Permission::kReconRead || p == Permission::kCasesRead || p == Permission::kCasesOpen;
    case Role::kWorker: return p == Permission::kCasesRead || p == Permission::kCasesOpen;
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
