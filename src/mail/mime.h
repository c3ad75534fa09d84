// Internet mail in and out (RFC 5322 / MIME), through GMime 3: parsing an inbound message into text,
// threading headers and attachments (every charset decoded to UTF-8), and writing an outbound message.
// Pure apart from GMime: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace concord::mail {

struct MailAttachment {
  std::string name;
  std::string content_type;
  std::string bytes;  // decoded content
};

struct ParsedMail {
  std::string message_id;  // with angle brackets, as written: "<abc@example.com>"
  std::string in_reply_to;
  std::vector<std::string> references;  // oldest first
  std::string from_name, from_address;
  std::vector<std::string> to;  // addresses, lower-case
  std::string subject;          // UTF-8, encoded words decoded
  std::string date;             // RFC 3339 UTC, "" when absent or unreadable
  std::string text;             // the text/plain body in UTF-8 (text/html stripped of tags when alone)
  std::vector<MailAttachment> attachments;
};

// Errors: "mail.unparseable" (not a MIME message), "mail.no_sender" (no From address).
// Raw 8-bit headers that are not UTF-8 are read as Windows-1252 (the usual culprit).
Result<ParsedMail> ParseMail(std::string_view raw);

struct OutboundMail {
  std::string message_id, in_reply_to;
  std::vector<std::string> references;
  std::string from;
  std::vector<std::string> to;
  std::string subject, text;
  std::vector<MailAttachment> attachments;  // base64 parts after the text, in this order
  std::string reply_to;                     // optional
};

// The RFC 5322 message (CRLF line ends): UTF-8 text, quoted-printable, encoded-word headers; with
// attachments a multipart/mixed whose first part is the text.
std::string WriteMail(const OutboundMail& mail);

}  // namespace concord::mail
