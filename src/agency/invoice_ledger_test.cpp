// Invoice deliveries, partial and full payments with remittance references, partial credit notes, the stage
// that follows them, and the agency's own day for "overdue" and contact-report lateness, on both backends.
#include "agency/service_fixture.h"
#include "clients/client.h"

namespace concord::agency {
namespace {

class InvoiceLedgerTest : public AgencyServiceTest {
 protected:
  // 135 minutes of approved design at 150.00 = 337.50; tax 8.875 % = 29.953125 -> 29.95; total 367.45, issued
  // on `issued_on` with `terms` days to pay.
  InvoiceRecord IssuedInvoice(int64_t client, const char* issued_on = "2026-03-06", int terms = 30) {
    const JobView job = Open(client);
    for (const auto& [day, minutes] : {std::pair{"2026-03-03", 90}, std::pair{"2026-03-04", 45}}) {
      const TimeRecord t = Enter(job.job.id, day, minutes, "2026-03-05T15:00:00Z");
      service_->AdvanceTime(admin_, t.id, t.version, TimeEntryState::kApproved, "t").value();
    }
    InvoiceInput in;
    in.job_id = job.job.id;
    in.source = "time_and_expenses";
    in.tax_percent = Decimal::Parse("8.875").value();
    in.payment_terms_days = terms;
    const InvoiceRecord draft = service_->DraftInvoice(coordinator_, in, "t").value();
    return service_->IssueInvoice(admin_, draft.id, draft.version, D(issued_on), "t").value();
  }

  std::string Stage(int64_t id) { return ToJson(service_->GetInvoice(coordinator_, id).value())["stage"]; }
};

TEST_P(InvoiceLedgerTest, DeliveriesPaymentsAndCreditsMoveTheStage) {
  InvoiceRecord inv = IssuedInvoice(acme_);
  now_ = At("2026-03-25T15:00:00Z");  // 25 March in New York, before the 5 April due date
  ASSERT_EQ(ComputeInvoiceTotals(inv.invoice).total, Usd("367.45"));
  EXPECT_EQ(Stage(inv.id), "issued");
  auto nobody = service_->RecordDelivery(coordinator_, inv.id, inv.version, {"email", "sent", "", "", {}}, "t");
  EXPECT_EQ(nobody.error().fields.at(0).field, "delivered_to");
  inv = service_->RecordDelivery(coordinator_, inv.id, inv.version, {"email", "sent", "ap@acme.test", "", {}}, "t").value();
  ASSERT_EQ(inv.deliveries.size(), 1u);
  EXPECT_EQ(inv.deliveries[0].sent_to, "ap@acme.test");
  EXPECT_EQ(inv.delivered_to, "ap@acme.test");
  EXPECT_EQ(Stage(inv.id), "sent");

  inv = service_->RecordPayment(admin_, inv.id, inv.version, {Decimal::FromInt(100), D("2026-03-20"), "REM-1"}, "t").value();
  EXPECT_EQ(Stage(inv.id), "partially_paid");
  EXPECT_EQ(ToJson(inv)["payment"]["outstanding"], "267.45");

  // A 50.00 discount before tax: 50.00 + 8.875 % (4.4375 -> 4.44) = 54.44 credited; 367.45 − 54.44 = 313.01
  // owed, 100.00 paid, 213.01 outstanding.
  EXPECT_EQ(service_->CreditInvoice(admin_, inv.id, {{7}, std::nullopt, ""}, "t").error().code, "invoice.line_unknown");
  const InvoiceRecord note = service_->CreditInvoice(admin_, inv.id, {{}, Decimal::FromInt(50), "Discount"}, "t").value();
  EXPECT_EQ(note.invoice.lines.at(0).description, "Credit: Discount");
  EXPECT_EQ(ComputeInvoiceTotals(note.invoice).total, Usd("-54.44"));
  service_->IssueInvoice(admin_, note.id, note.version, D("2026-03-21"), "t").value();
  inv = service_->GetInvoice(coordinator_, inv.id).value();
  EXPECT_EQ(inv.credited, Usd("54.44"));
  EXPECT_EQ(ToJson(inv)["payment"]["outstanding"], "213.01");

  auto over = service_->RecordPayment(admin_, inv.id, inv.version, {Decimal::Parse("213.02").value(), {}, "REM-2"}, "t");
  EXPECT_EQ(over.error().code, "invoice.overpayment");
  inv = service_->RecordPayment(admin_, inv.id, inv.version, {Decimal::Parse("213.01").value(), {}, "REM-2"}, "t").value();
  ASSERT_EQ(inv.payments.size(), 2u);
  EXPECT_EQ(inv.payments[1].reference, "REM-2");
  EXPECT_EQ(inv.payments[1].received_on, D("2026-03-25"));  // today in New York
  EXPECT_EQ(inv.paid, Usd("313.01"));
  EXPECT_EQ(Stage(inv.id), "paid");
}

TEST_P(InvoiceLedgerTest, OverdueStartsAtTheAgencysMidnightNotUtcs) {
  // Issued 5 March on 0 days: due 5 March. New York is on EST (UTC-5) until 8 March.
  const InvoiceRecord inv = IssuedInvoice(acme_, "2026-03-05", 0);
  now_ = At("2026-03-06T03:00:00Z");  // 22:00 on 5 March in New York, already 6 March in UTC
  EXPECT_EQ(Stage(inv.id), "issued");
  EXPECT_FALSE(ToJson(service_->GetInvoice(coordinator_, inv.id).value())["payment"]["overdue"].get<bool>());
  now_ = At("2026-03-06T05:30:00Z");  // 00:30 on 6 March in New York
  EXPECT_EQ(Stage(inv.id), "overdue");
  const auto listed = service_->ListInvoices(coordinator_, ListQuery{}).value().first;
  EXPECT_EQ(ToJson(listed.at(0))["stage"], "overdue");
}

TEST_P(InvoiceLedgerTest, ContactReportSentLateEveningOnTheDeadlineIsOnTime) {
  ContactReportInput in;
  in.client_id = acme_;
  in.meeting_date = D("2026-03-05");  // Thursday: due with the client by Monday 9 March
  in.attendees = {{"Bea Buyer", "client"}};
  const ContactReport report = meetings_->CreateContactReport(coordinator_, in, "t").value();
  now_ = At("2026-03-10T03:30:00Z");  // 23:30 on Monday in New York (EDT), Tuesday in UTC
  EXPECT_FALSE(meetings_->GetContactReport(coordinator_, report.id)->distributed_late);
  const ContactReport sent =
      meetings_->DistributeContactReport(coordinator_, report.id, report.version, "buyer@acme.test", "t").value();
  EXPECT_FALSE(sent.distributed_late);
  const ContactReport unsent = meetings_->CreateContactReport(coordinator_, in, "t").value();
  now_ = At("2026-03-10T04:30:00Z");  // 00:30 on Tuesday in New York: the second one is now late
  EXPECT_TRUE(meetings_->GetContactReport(coordinator_, unsent.id)->distributed_late);
}

TEST_P(InvoiceLedgerTest, AnotherTenantGetsNotFound) {
  const InvoiceRecord theirs = IssuedInvoice(beta_);
  auto is404 = [](const auto& r) { return !r.ok() && HttpStatus(r.error().kind) == 404; };
  EXPECT_TRUE(is404(service_->RecordDelivery(acme_user_, theirs.id, theirs.version, {"email", "sent", "x@y.z", "", {}}, "t")));
  EXPECT_TRUE(is404(service_->RecordPayment(acme_user_, theirs.id, theirs.version, {Decimal::FromInt(1), {}, ""}, "t")));
  EXPECT_TRUE(is404(service_->CreditInvoice(acme_user_, theirs.id, CreditInput{}, "t")));
  EXPECT_TRUE(is404(service_->GetInvoice(acme_user_, theirs.id)));
  EXPECT_TRUE(is404(service_->EmailInvoice(acme_user_, theirs.id, theirs.version, {}, "t")));
  // Beta has no contacts: there is nobody to e-mail the invoice to, and nothing is queued or recorded.
  auto nobody = service_->EmailInvoice(coordinator_, theirs.id, theirs.version, {}, "t");
  EXPECT_EQ(nobody.error().code, "invoice.no_billing_contact");
  EXPECT_TRUE(service_->GetInvoice(coordinator_, theirs.id)->deliveries.empty());
}

TEST_P(InvoiceLedgerTest, AnEmailedDeliveryIsWhatItsOutboxMessageIs) {
  const InvoiceRecord inv = IssuedInvoice(acme_);
  clients::ContactInput ap;
  ap.name = "Avery Payable";
  ap.role = "Accounts Payable";
  ap.email = "ap@acme.test";
  ASSERT_TRUE(clients_->AddContact(admin_, acme_, ap, "t").ok());
  const InvoiceRecord mailed = service_->EmailInvoice(coordinator_, inv.id, inv.version, {}, "t").value();
  ASSERT_EQ(mailed.deliveries.size(), 1u);
  const int64_t outbox_id = mailed.deliveries[0].outbox_id.value();
  // Queued is not sent: the stage stays "issued" until the relay takes the message.
  EXPECT_EQ(mailed.deliveries[0].status, "queued");
  EXPECT_EQ(mailed.delivery_status, "queued");
  EXPECT_EQ(Stage(inv.id), "issued");
  auto set_outbox = [&](const char* status) {
    auto conn = db().Acquire();
    ASSERT_TRUE((*conn)->Execute("UPDATE mail_outbox SET status = ? WHERE id = ?", {std::string(status), outbox_id}).ok());
  };
  {  // no relay configured: the outbox holds it, and so does the delivery
    auto conn = db().Acquire();
    ASSERT_EQ(mail::HoldQueued(**conn, "no relay").value(), 1);
  }
  EXPECT_EQ(service_->GetInvoice(coordinator_, inv.id)->deliveries[0].status, "held");
  set_outbox("failed");
  EXPECT_EQ(service_->GetInvoice(coordinator_, inv.id)->delivery_status, "failed");
  set_outbox("sent");
  EXPECT_EQ(service_->GetInvoice(coordinator_, inv.id)->deliveries[0].status, "sent");
  EXPECT_EQ(Stage(inv.id), "sent");
  ListQuery sent;
  sent.filters = {{"delivery_status", "sent"}};
  ASSERT_EQ(service_->ListInvoices(coordinator_, sent)->first.size(), 1u);
  EXPECT_EQ(service_->ListInvoices(coordinator_, sent)->first[0].id, inv.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, InvoiceLedgerTest, ::testing::ValuesIn(store::testing::Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace concord::agency
