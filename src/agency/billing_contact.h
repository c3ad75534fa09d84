// Whom an invoice is e-mailed to: the client's billing contact. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/result.h"

namespace concord::agency {

struct ContactCandidate {
  std::string name, role, email;
  bool is_primary = false;
};

// The first contact with an e-mail whose role names billing, accounts payable or finance ("Billing",
// "Accounts Payable", "AP clerk", "Finance manager"), a primary one first; failing that the primary contact
// with an e-mail. Error "invoice.no_billing_contact" (422, field "to") when there is none.
Result<ContactCandidate> BillingContactOf(std::span<const ContactCandidate> contacts);

}  // namespace concord::agency
