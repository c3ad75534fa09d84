// The service desk's use cases on both store backends (fixture: desk_test_fixture.h).
#include "service/desk_test_fixture.h"

namespace concord::service {
namespace {

TEST_P(DeskTest, ANewCaseIsRoutedAndGetsItsPolicyAndDueTimes) {
  const Case first = Open("Missing pay stub", acme_);
  EXPECT_EQ(first.queue_id, front_queue_);
  EXPECT_EQ(first.assignee_id, ana_);  // round robin starts at the first member
  EXPECT_EQ(first.sla_policy_id, policy_id_);
  EXPECT_EQ(first.sla_state, "ok");
  EXPECT_EQ(first.sla_due_at, "2026-03-02T15:00:00Z");  // first response: 60 business minutes
  EXPECT_EQ(Open("W-2 reprint", acme_).assignee_id, ben_);
  EXPECT_EQ(Open("Address change", acme_).assignee_id, ana_);
  // Activated events for first response (due 10:00) and resolution (due 17:00 local = 22:00Z).
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_sla_events WHERE case_id = ? AND kind = 'activated'", {first.id}), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_sla_events WHERE case_id = ? AND metric = 'resolution' AND due = ?",
                  {first.id, std::string("2026-03-02T22:00:00Z")}),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE entity = 'case' AND action = 'create'"), 3);
}

TEST_P(DeskTest, PendingPausesTheClockAndTheRequestersReplyReopens) {
  const Case c = Open("Benefit deduction wrong", acme_);
  now_ = T("2026-03-02T14:30:00Z");
  Add(c, "reply", "Could you send the pay stub?", "pending_requester");
  Case paused = desk_->Get(agent_, c.id).value();
  EXPECT_EQ(paused.status, "pending_requester");
  EXPECT_EQ(paused.sla_state, "paused");
  EXPECT_EQ(paused.first_response_at, "2026-03-02T14:30:00Z");
  EXPECT_FALSE(paused.sla_due_at.has_value());
  now_ = T("2026-03-02T16:30:00Z");  // 11:30 local: two business hours paused
  Add(c, "message", "Attached.", std::nullopt);
  Case open = desk_->Get(agent_, c.id).value();
  EXPECT_EQ(open.status, "open");
  // Resolution: 30 minutes used before the pause, 450 left from 11:30 → 17:00 Monday (330) + 120 on
  // Tuesday from 09:00 → 11:00 local = 16:00Z.
  EXPECT_EQ(open.sla_due_at, "2026-03-03T16:00:00Z");
  auto sla = desk_->Sla(agent_, c.id).value();
  EXPECT_EQ(sla["metrics"]["first_response"]["state"], "fulfilled");
  EXPECT_EQ(sla["metrics"]["resolution"]["due"], "2026-03-03T16:00:00Z");
  bool paused_event = false;
  for (const auto& e : sla["events"]) paused_event |= e["kind"] == "paused" && e["at"] == "2026-03-02T14:30:00Z";
  EXPECT_TRUE(paused_event);
}

TEST_P(DeskTest, EscalationRaisesTheLevelInBusinessHoursOnly) {
  const Case c = Open("Garnishment order", acme_);
  now_ = T("2026-03-02T14:30:00Z");
  Add(c, "reply", "Looking into it", "pending_requester");
  now_ = T("2026-03-02T16:30:00Z");
  Add(c, "message", "Any news?");
  // Escalation 120 minutes before the resolution due: 360 business minutes after creation minus the
  // pause: 09:00–09:30 (30) then 11:30 + 330 = 17:00, a closing time, so the next opening: Tuesday
  // 09:00 local = 14:00Z.
  now_ = T("2026-03-03T13:59:00Z");
  EXPECT_EQ(desk_->RunEscalations("t").value().escalations_fired, 0);
  EXPECT_EQ(desk_->Get(agent_, c.id)->level, "l1");
  now_ = T("2026-03-03T14:05:00Z");
  const EscalationRun run = desk_->RunEscalations("t").value();
  EXPECT_EQ(run.escalations_fired, 1);
  const Case raised = desk_->Get(agent_, c.id).value();
  EXPECT_EQ(raised.level, "l2");
  EXPECT_EQ(raised.queue_id, l2_queue_);
  EXPECT_EQ(raised.assignee_id, lee_);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_notifications WHERE user_id = ?", {lee_}), 1);
  // and by e-mail, through the outbox, with the case's link
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE to_addresses = ? AND purpose = 'case_notification' AND "
                  "entity = 'case' AND entity_id = ? AND body LIKE ?",
                  {std::string("[\"lee@x.test\"]"), std::to_string(c.id),
                   "%/service-desk/cases/" + std::to_string(c.id) + "%"}),
            1);
  EXPECT_EQ(desk_->RunEscalations("t").value().escalations_fired, 0);  // once only
}

TEST_P(DeskTest, AnEscalationDueAtNightWaitsForTheMorning) {
  const Case c = Open("Late escalation", acme_);
  // Nothing happens all Monday; the escalation fired at 15:00 local (20:00Z). The job first runs at
  // 23:00 local (04:00Z Tuesday): outside hours, so it waits.
  now_ = T("2026-03-03T04:00:00Z");
  const EscalationRun night = desk_->RunEscalations("t").value();
  EXPECT_EQ(night.escalations_fired, 0);
  EXPECT_EQ(night.deferred, 1);
  EXPECT_EQ(desk_->Get(agent_, c.id)->level, "l1");
  EXPECT_EQ(desk_->Get(agent_, c.id)->sla_state, "breached");  // due 22:00Z Monday
  now_ = T("2026-03-03T14:00:00Z");
  EXPECT_EQ(desk_->RunEscalations("t").value().escalations_fired, 1);
  EXPECT_EQ(desk_->Get(agent_, c.id)->level, "l2");
}

TEST_P(DeskTest, AnotherTenantGetsNotFoundEverywhere) {
  const Case mine = Open("Mine", acme_);
  const Case theirs = Open("Theirs", globex_);
  const auth::Principal acme_user{.user_id = User("cu@acme.test", "Carla Client", "client_user"), .name = "Carla Client",
                                  .role = auth::Role::kClientUser, .client_ids = {acme_}};
  EXPECT_TRUE(desk_->Get(acme_user, mine.id).ok());
  EXPECT_EQ(HttpStatus(desk_->Get(acme_user, theirs.id).error().kind), 404);
  EXPECT_EQ(HttpStatus(desk_->Timeline(acme_user, theirs.id).error().kind), 404);
  EXPECT_EQ(HttpStatus(desk_->Sla(acme_user, theirs.id).error().kind), 404);
  EntryInput msg{.kind = "message", .body = "hi"};
  EXPECT_EQ(HttpStatus(desk_->AddEntry(acme_user, theirs.id, msg, "t").error().kind), 404);
  EXPECT_EQ(HttpStatus(desk_->AddReminder(acme_user, theirs.id, "2026-03-04T15:00:00Z", "x", "t").error().kind), 404);
  auto page = desk_->List(acme_user, {}).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, mine.id);
  // A worker sees only the cases they opened.
  const int64_t wes = Worker("Wes", "Worker");
  const auth::Principal worker{.user_id = User("w@x.test", "Wes Worker", "worker"), .email = "w@x.test", .name = "Wes Worker",
                               .role = auth::Role::kWorker, .worker_id = wes};
  CaseInput in;
  in.subject = "My timecard";
  in.description = "Missing Tuesday";
  in.category = "timecard";
  const Case own = desk_->Create(worker, in, "t").value();
  EXPECT_EQ(own.requester_worker_id, wes);
  EXPECT_EQ(own.channel, "portal");
  EXPECT_EQ(desk_->List(worker, {}).value().total, 1);
  EXPECT_EQ(HttpStatus(desk_->Get(worker, mine.id).error().kind), 404);
  const auth::Principal stranger{.user_id = 999, .role = auth::Role::kWorker};  // no worker record
  EXPECT_EQ(desk_->List(stranger, {}).value().total, 0);
}

TEST_P(DeskTest, PortalUsersSeeNoInternalNotesAndMayOnlyWriteMessages) {
  const Case c = Open("Invoice question", acme_);
  Add(c, "note", "Client is on a payment plan");
  Add(c, "reply", "We are checking the invoice.");
  const auth::Principal acme_user{.user_id = User("cu@acme.test", "Carla Client", "client_user"), .name = "Carla Client",
                                  .role = auth::Role::kClientUser, .client_ids = {acme_}};
  const std::vector<Entry> seen = desk_->Timeline(acme_user, c.id).value();
  for (const Entry& e : seen) EXPECT_NE(e.kind, "note");
  EntryInput note{.kind = "note", .body = "sneaky"};
  EXPECT_EQ(HttpStatus(desk_->AddEntry(acme_user, c.id, note, "t").error().kind), 422);
}

TEST_P(DeskTest, PolicyChangeMidCaseIsRecordedAndRecomputed) {
  PolicyRecord urgent;
  urgent.name = "Urgent";
  urgent.calendar_id = calendar_id_;
  urgent.first_response_min = 30;
  urgent.resolution_min = 120;
  urgent.priority = "urgent";
  ASSERT_TRUE(desk_->SavePolicy(manager_, std::nullopt, std::nullopt, urgent, "t").ok());
  const Case c = Open("Payroll did not run", acme_);
  now_ = T("2026-03-02T15:00:00Z");  // 10:00 local
  CaseInput up;
  up.priority = "urgent";
  const Case changed = desk_->Update(agent_, c.id, c.version, up, "t").value();
  EXPECT_NE(changed.sla_policy_id, policy_id_);
  // Under the urgent policy the first response was due 09:30 local = 14:30Z (already missed at 10:00)
  // and the resolution at 11:00 local = 16:00Z, both from the original creation.
  EXPECT_EQ(changed.sla_state, "breached");
  EXPECT_EQ(changed.sla_due_at, "2026-03-02T14:30:00Z");
  auto sla = desk_->Sla(agent_, c.id).value();
  EXPECT_EQ(sla["metrics"]["resolution"]["due"], "2026-03-02T16:00:00Z");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries WHERE case_id = ? AND kind = 'policy'", {c.id}), 2);
}

TEST_P(DeskTest, MergeMovesTheMessagesAndClosesTheDuplicate) {
  const Case a = Open("Pay stub", acme_);
  const Case b = Open("Pay stub again", acme_);
  const Case target = desk_->Merge(agent_, b.id, a.id, "t").value();
  const Case dup = desk_->Get(agent_, b.id).value();
  EXPECT_EQ(dup.status, "closed");
  EXPECT_EQ(dup.merged_into_id, a.id);
  int messages = 0;
  const std::vector<Entry> timeline = desk_->Timeline(agent_, target.id).value();
  for (const Entry& e : timeline) messages += e.kind == "message_in";
  EXPECT_EQ(messages, 2);
  EXPECT_EQ(HttpStatus(desk_->Merge(agent_, b.id, a.id, "t").error().kind), 422);
  EXPECT_EQ(desk_->List(agent_, {}).value().total, 1);  // merged cases leave the lists
}

TEST_P(DeskTest, MacroFillsPlaceholdersAndSurveyAnswersOnSolve) {
  Macro m;
  m.name = "Solved";
  m.body = "Hello {{requester_name}}, case {{case_id}} is done. {{agent_name}}";
  m.set_status = "solved";
  m.add_tags = {"macro"};
  const int64_t macro = desk_->SaveMacro(manager_, std::nullopt, std::nullopt, m, "t").value().id;
  Macro bad = m;
  bad.name = "Bad";
  bad.body = "Hi {{first_name}}";
  EXPECT_EQ(desk_->SaveMacro(manager_, std::nullopt, std::nullopt, bad, "t").error().code, "template.unknown_placeholder");
  const Case c = Open("Card declined", acme_);
  const Entry reply = desk_->ApplyMacro(agent_, c.id, macro, "t").value();
  EXPECT_EQ(reply.body, "Hello Pat Requester, case " + std::to_string(c.id) + " is done. Ana Agent");
  const Case solved = desk_->Get(agent_, c.id).value();
  EXPECT_EQ(solved.status, "solved");
  EXPECT_EQ(solved.tags, std::vector<std::string>{"macro"});
  EXPECT_EQ(solved.sla_state, "met");
  EXPECT_EQ(desk_->AnswerSurvey(solved.survey_token, 6, "", "t").error().code, "request.invalid");
  EXPECT_EQ(desk_->AnswerSurvey(solved.survey_token, 5, "Quick!", "t").value().satisfaction, 5);
  EXPECT_EQ(HttpStatus(desk_->AnswerSurvey("nope", 5, "", "t").error().kind), 404);
}

TEST_P(DeskTest, RemindersComeDueAsNotifications) {
  const Case c = Open("Call back Friday", acme_);
  ASSERT_TRUE(desk_->AddReminder(agent_, c.id, "2026-03-02T18:00:00Z", "call back", "t").ok());
  EXPECT_EQ(desk_->AddReminder(agent_, c.id, "tomorrow", "x", "t").error().fields.at(0).field, "due_at");
  now_ = T("2026-03-02T18:00:00Z");
  EXPECT_EQ(desk_->RunEscalations("t").value().reminders_due, 1);
  EXPECT_EQ(desk_->Notifications(agent_).value().size(), 1u);
  EXPECT_EQ(desk_->RunEscalations("t").value().reminders_due, 0);
}

TEST_P(DeskTest, ContactArrivalsForWorkforceManagement) {
  Open("One", acme_);
  now_ = T("2026-03-02T15:10:00Z");
  const Case two = Open("Two", acme_);
  now_ = T("2026-03-02T15:20:00Z");
  EntryInput call{.kind = "call", .body = "", .duration_s = 420, .outcome = "resolved"};
  ASSERT_TRUE(desk_->AddEntry(agent_, two.id, call, "t").ok());
  const auto arrivals = desk_->ContactArrivals("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z").value();
  ASSERT_EQ(arrivals.size(), 3u);
  EXPECT_EQ(arrivals[0].arrived_at, "2026-03-02T14:00:00Z");
  EXPECT_EQ(arrivals[2].handle_seconds, 420);
  EXPECT_EQ(arrivals[2].queue_name, "Employer support");
}

TEST_P(DeskTest, BadInputNamesTheField) {
  CaseInput in;
  in.priority = "whenever";
  auto r = desk_->Create(agent_, in, "t");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.size(), 2u);  // subject required, priority not a choice
  PolicyRecord p;
  p.name = "No calendar";
  p.calendar_id = 9999;
  EXPECT_EQ(desk_->SavePolicy(manager_, std::nullopt, std::nullopt, p, "t").error().fields.at(0).field, "calendar_id");
  const Case c = Open("Stale", acme_);
  CaseInput change;
  change.priority = "high";
  ASSERT_TRUE(desk_->Update(agent_, c.id, c.version, change, "t").ok());
  EXPECT_EQ(HttpStatus(desk_->Update(agent_, c.id, c.version, change, "t").error().kind), 412);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeskTest, ::testing::ValuesIn(store::testing::Backends()));

}  // namespace
}  // namespace concord::service
