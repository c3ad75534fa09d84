#include "workforce/worker_messages.h"

#include <gtest/gtest.h>

namespace concord::workforce {
namespace {

const nlohmann::json kAssignment = {{"title", "Payroll Analyst"},     {"client_name", "Harborview Logistics"},
                                    {"start_date", "2026-11-02"},     {"end_date", "2027-06-30"},
                                    {"manager_name", "Dana Reyes"},   {"pay_rate", "47.25"},
                                    {"currency", "USD"}};
const nlohmann::json kWorker = {{"first_name", "Maria"}};

TEST(WorkerMessages, ActivationCarriesTheFirstDayDetails) {
  EXPECT_EQ(WorkerMessage(ActivationTemplate(), kAssignment, kWorker, {{"first_day_details", "Reception at 9:00."}})
                .value(),
            "Hello Maria,\n\nYour assignment as Payroll Analyst with Harborview Logistics starts on 2026-11-02. "
            "Your manager is Dana Reyes.\n\nReception at 9:00.");
}

TEST(WorkerMessages, ExtensionAndRevision) {
  EXPECT_EQ(WorkerMessage(ExtensionTemplate(), kAssignment, kWorker).value(),
            "Hello Maria,\n\nYour assignment as Payroll Analyst with Harborview Logistics has been extended to "
            "2027-06-30.");
  EXPECT_EQ(WorkerMessage(RevisionTemplate(), kAssignment, kWorker, {{"effective_date", "2027-04-01"}}).value(),
            "Hello Maria,\n\nFrom 2027-04-01 your assignment with Harborview Logistics is: Payroll Analyst, manager "
            "Dana Reyes, pay rate 47.25 USD an hour.");
  EXPECT_FALSE(WorkerMessage("Hi {{worker.nickname}}", kAssignment, kWorker).ok());
}

}  // namespace
}  // namespace concord::workforce
