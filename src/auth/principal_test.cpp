#include "auth/principal.h"

#include <gtest/gtest.h>

namespace concord::auth {
namespace {

TEST(Principal, RoleTable) {
  EXPECT_TRUE(RoleHas(Role::kAdmin, Permission::kUsersManage));
  EXPECT_FALSE(RoleHas(Role::kManager, Permission::kUsersManage));
  EXPECT_TRUE(RoleHas(Role::kManager, Permission::kTaxIdReveal));
  EXPECT_FALSE(RoleHas(Role::kCoordinator, Permission::kTaxIdReveal));
  EXPECT_TRUE(RoleHas(Role::kCoordinator, Permission::kClientsWrite));
  EXPECT_TRUE(RoleHas(Role::kClientUser, Permission::kClientsRead));
  EXPECT_FALSE(RoleHas(Role::kClientUser, Permission::kClientsWrite));
  EXPECT_FALSE(RoleHas(Role::kWorker, Permission::kClientsRead));
}

TEST(Principal, ReconciliationPermissions) {
  EXPECT_TRUE(RoleHas(Role::kCoordinator, Permission::kReconWork));
  EXPECT_FALSE(RoleHas(Role::kCoordinator, Permission::kReconSchedule));  // schedules read the server's disk
  EXPECT_TRUE(RoleHas(Role::kManager, Permission::kReconSchedule));
  EXPECT_TRUE(RoleHas(Role::kClientUser, Permission::kReconRead));
  EXPECT_FALSE(RoleHas(Role::kClientUser, Permission::kReconWork));
  EXPECT_FALSE(RoleHas(Role::kWorker, Permission::kReconRead));
}

// WFM is internal: managers plan, coordinators read, client users and workers have neither.
TEST(Principal, WorkforceManagementPermissions) {
  EXPECT_TRUE(RoleHas(Role::kManager, Permission::kWfmPlan));
  EXPECT_TRUE(RoleHas(Role::kCoordinator, Permission::kWfmRead));
  EXPECT_FALSE(RoleHas(Role::kCoordinator, Permission::kWfmPlan));
  for (Role outside : {Role::kClientUser, Role::kWorker}) {
    EXPECT_FALSE(RoleHas(outside, Permission::kWfmRead));
    EXPECT_FALSE(RoleHas(outside, Permission::kWfmPlan));
  }
}

TEST(Principal, ScopeOfEachRole) {
  Principal coordinator{.role = Role::kCoordinator};
  EXPECT_FALSE(coordinator.ClientScope().has_value());
  Principal client{.role = Role::kClientUser, .client_ids = {4}};
  EXPECT_EQ(client.ClientScope(), std::vector<int64_t>{4});
  Principal worker{.role = Role::kWorker, .worker_id = 9};
  EXPECT_EQ(worker.ClientScope(), std::vector<int64_t>{});
  EXPECT_FALSE(worker.CanSeeClient(4));
  EXPECT_EQ(HttpStatus(client.Require(Permission::kClientsWrite).error().kind), 403);
}

TEST(Principal, RoleNamesRoundTrip) {
  for (auto name : {"admin", "manager", "coordinator", "client_user", "worker"}) {
    EXPECT_EQ(RoleName(*ParseRole(name)), name);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
}

}  // namespace
}  // namespace concord::auth
