#include "agency/billing_contact.h"

#include <algorithm>
#include <cctype>

#include "agency/agency_error.h"

namespace concord::agency {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool BillingRole(const std::string& role) {
  const std::string r = Lower(role);
  for (const char* word : {"billing", "accounts payable", "finance"}) {
    if (r.find(word) != std::string::npos) return true;
  }
  return r == "ap" || r.rfind("ap ", 0) == 0;
}

}  // namespace

Result<ContactCandidate> BillingContactOf(std::span<const ContactCandidate> contacts) {
  const ContactCandidate* best = nullptr;
  for (const auto& c : contacts) {
    if (c.email.empty() || !BillingRole(c.role)) continue;
    if (!best || (c.is_primary && !best->is_primary)) best = &c;
  }
  if (!best) {
    for (const auto& c : contacts) {
      if (!c.email.empty() && c.is_primary) {
        best = &c;
        break;
      }
    }
  }
  if (!best) {
    return InvalidAt("invoice.no_billing_contact", "to",
                     "The client has no billing contact with an e-mail address; add one or give the address.");
  }
  return *best;
}

}  // namespace concord::agency
