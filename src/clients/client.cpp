#include "clients/client.h"

#include <algorithm>
#include <cctype>

namespace concord::clients {
namespace {

bool OneOf(const std::string& value, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string Trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

void CheckLength(const std::optional<std::string>& value, const char* field, size_t max,
                 std::vector<FieldError>& errors) {
  if (value && value->size() > max) {
    errors.push_back({field, "field.too_long", "At most " + std::to_string(max) + " characters."});
  }
}

bool PlausibleEmail(const std::string& email) {
  const auto at = email.find('@');
  return at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
         email.find(' ') == std::string::npos && email.back() != '.';
}

}  // namespace

std::optional<std::string> CanonicalEin(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c != '-' && c != ' ') return std::nullopt;
  }
  if (digits.size() != 9) return std::nullopt;
  return digits.substr(0, 2) + "-" + digits.substr(2);
}

std::vector<FieldError> ValidateClient(const ClientInput& in, bool creating) {
  std::vector<FieldError> errors;
  if ((creating && !in.legal_name) || (in.legal_name && Trimmed(*in.legal_name).empty())) {
    errors.push_back({"legal_name", "client.legal_name_required", "Enter the client's legal name."});
  }
  CheckLength(in.legal_name, "legal_name", 200, errors);
  CheckLength(in.dba, "dba", 200, errors);
  CheckLength(in.external_ref, "external_ref", 64, errors);
  CheckLength(in.industry, "industry", 120, errors);
  CheckLength(in.service_notes, "service_notes", 20000, errors);
  CheckLength(in.processing_instructions, "processing_instructions", 20000, errors);
  if (in.tax_id && !in.tax_id->empty() && !CanonicalEin(*in.tax_id)) {
    errors.push_back({"tax_id", "client.tax_id_invalid", "A tax id (EIN) has nine digits, written 12-3456789."});
  }
  if (in.status && !OneOf(*in.status, kStatuses)) {
    errors.push_back({"status", "client.status_invalid", "Status must be one of " + Joined(kStatuses) + "."});
  }
  if (in.addresses) {
    for (size_t i = 0; i < in.addresses->size(); ++i) {
      const Address& a = (*in.addresses)[i];
      const std::string at = "addresses/" + std::to_string(i);
      if (!OneOf(a.kind, kAddressKinds)) {
        errors.push_back({at + "/kind", "address.kind_invalid", "Kind must be one of " + Joined(kAddressKinds) + "."});
      }
      if (Trimmed(a.line1).empty()) errors.push_back({at + "/line1", "address.line1_required", "Enter the street."});
      if (Trimmed(a.city).empty()) errors.push_back({at + "/city", "address.city_required", "Enter the city."});
      if (a.country.size() != 2 || !std::isupper(static_cast<unsigned char>(a.country[0])) ||
          !std::isupper(static_cast<unsigned char>(a.country[1]))) {
        errors.push_back({at + "/country", "address.country_invalid", "Use the two-letter ISO 3166 code, e.g. US."});
      }
    }
  }
  if (in.account_team) {
    for (size_t i = 0; i < in.account_team->size(); ++i) {
      const TeamMember& m = (*in.account_team)[i];
      const std::string at = "account_team/" + std::to_string(i);
      if (m.user_id <= 0) errors.push_back({at + "/user_id", "team.user_required", "Choose a user."});
      if (!OneOf(m.role, kTeamRoles)) {
        errors.push_back({at + "/role", "team.role_invalid", "Role must be one of " + Joined(kTeamRoles) + "."});
      }
    }
  }
  return errors;
}

std::vector<FieldError> ValidateContact(const ContactInput& in, bool creating) {
  std::vector<FieldError> errors;
  if ((creating && !in.name) || (in.name && Trimmed(*in.name).empty())) {
    errors.push_back({"name", "contact.name_required", "Enter the contact's name."});
  }
  CheckLength(in.name, "name", 200, errors);
  CheckLength(in.role, "role", 120, errors);
  CheckLength(in.title, "title", 120, errors);
  CheckLength(in.phone, "phone", 40, errors);
  if (in.email && !in.email->empty() && !PlausibleEmail(*in.email)) {
    errors.push_back({"email", "contact.email_invalid", "Enter an email address such as name@example.com."});
  }
  if (in.preferred_channel && !OneOf(*in.preferred_channel, kChannels)) {
    errors.push_back({"preferred_channel", "contact.channel_invalid",
                      "Preferred channel must be one of " + Joined(kChannels) + "."});
  }
  const std::string channel = in.preferred_channel.value_or("email");
  if (creating && channel == "email" && in.email.value_or("").empty()) {
    errors.push_back({"email", "contact.email_required", "Email is the preferred channel: enter the address."});
  }
  if (creating && (channel == "phone" || channel == "sms") && in.phone.value_or("").empty()) {
    errors.push_back({"phone", "contact.phone_required", "Phone is the preferred channel: enter the number."});
  }
  return errors;
}

void Apply(const ClientInput& in, Client& c) {
  if (in.external_ref) c.external_ref = Trimmed(*in.external_ref);
  if (in.legal_name) c.legal_name = Trimmed(*in.legal_name);
  if (in.dba) c.dba = Trimmed(*in.dba);
  if (in.industry) c.industry = Trimmed(*in.industry);
  if (in.status) c.status = *in.status;
  if (in.service_notes) c.service_notes = *in.service_notes;
  if (in.processing_instructions) c.processing_instructions = *in.processing_instructions;
  if (in.addresses) c.addresses = *in.addresses;
  if (in.account_team) c.account_team = *in.account_team;
}

void Apply(const ContactInput& in, Contact& c) {
  if (in.name) c.name = Trimmed(*in.name);
  if (in.role) c.role = Trimmed(*in.role);
  if (in.title) c.title = Trimmed(*in.title);
  if (in.email) c.email = Trimmed(*in.email);
  if (in.phone) c.phone = Trimmed(*in.phone);
  if (in.preferred_channel) c.preferred_channel = *in.preferred_channel;
  if (in.is_primary) c.is_primary = *in.is_primary;
}

nlohmann::json ToJson(const Client& c) {
  nlohmann::json addresses = nlohmann::json::array();
  for (const auto& a : c.addresses) {
    addresses.push_back({{"kind", a.kind}, {"line1", a.line1}, {"line2", a.line2}, {"city", a.city},
                         {"region", a.region}, {"postal_code", a.postal_code}, {"country", a.country}});
  }
  nlohmann::json team = nlohmann::json::array();
  for (const auto& m : c.account_team) team.push_back({{"user_id", m.user_id}, {"name", m.name}, {"role", m.role}});
  return {{"id", c.id},
          {"external_ref", c.external_ref.empty() ? nlohmann::json() : nlohmann::json(c.external_ref)},
          {"legal_name", c.legal_name},
          {"dba", c.dba},
          {"tax_id_masked", c.tax_id_masked.empty() ? nlohmann::json() : nlohmann::json(c.tax_id_masked)},
          {"industry", c.industry},
          {"status", c.status},
          {"archived", c.archived},
          {"addresses", addresses},
          {"account_team", team},
          {"service_notes", c.service_notes},
          {"processing_instructions", c.processing_instructions},
          {"version", c.version},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

nlohmann::json ToJson(const Contact& c) {
  return {{"id", c.id},       {"client_id", c.client_id}, {"name", c.name},
          {"role", c.role},   {"title", c.title},         {"email", c.email},
          {"phone", c.phone}, {"preferred_channel", c.preferred_channel}, {"is_primary", c.is_primary},
          {"version", c.version}};
}

}  // namespace concord::clients
