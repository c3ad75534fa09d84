// Wiring between modules that no single module's tests can see.
#include "app/platform.h"

#include <gtest/gtest.h>

#include <numeric>

#include "core/date.h"
#include "store/testing.h"

namespace concord::app {
namespace {

TEST(Platform, DeskCasesCountInTheWfmHistoryOfTheQueueKeyedByTheirQueueName) {
  auto fresh = store::testing::MakeFreshDatabase("sqlite");
  setenv("CONCORD_KEY", crypto::FieldKey::Generate().ToBase64().c_str(), 1);
  auto platform = OpenPlatform(Config{fresh->url, ""}, true).value();
  unsetenv("CONCORD_KEY");
  const auto user = platform->accounts->AddUser(
      {.email = "admin@example.test", .name = "Admin", .role = auth::Role::kAdmin, .password = "correct horse battery"},
      {0, "test", "t"});
  ASSERT_TRUE(user.ok()) << user.error().message;
  const auth::Principal admin{.user_id = user->id, .name = "Admin", .role = auth::Role::kAdmin};

  service::Queue desk_queue;
  desk_queue.name = "Employer billing";
  desk_queue = platform->service->SaveQueue(admin, std::nullopt, std::nullopt, desk_queue, "t").value();
  service::CaseInput input;
  input.subject = "Invoice 1042 is short";
  input.requester_kind = "internal";
  input.requester_name = "Pat Caller";
  input.channel = "phone";
  input.queue_id = desk_queue.id;
  const auto created = platform->service->Create(admin, input, "t");
  ASSERT_TRUE(created.ok()) << created.error().message;

  wfm::QueueInput wfm_queue;
  wfm_queue.key = "employer_billing";
  wfm_queue.name = "Employer billing";
  wfm_queue.time_zone = "UTC";
  const auto queue = platform->wfm->CreateQueue(admin, wfm_queue, "t").value();
  const Date today = Instant::Parse(created->created_at).value().UtcDate();
  const auto history = platform->wfm->History(queue, today, 1, 60).value();
  EXPECT_EQ(std::accumulate(history.contacts.begin(), history.contacts.end(), 0.0), 1.0);

  wfm_queue.key = "payroll";  // another key: the case is not its contact
  const auto other = platform->wfm->CreateQueue(admin, wfm_queue, "t").value();
  const auto none = platform->wfm->History(other, today, 1, 60).value();
  EXPECT_EQ(std::accumulate(none.contacts.begin(), none.contacts.end(), 0.0), 0.0);
}

}  // namespace
}  // namespace concord::app
