// Real-world MIME from tests/fixtures/mail: the expected values are read off the fixtures by hand
// (encoded words, quoted-printable, base64, ISO-8859-1 and Windows-1252 bytes), not from the code.
#include "mail/mime.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace concord::mail {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(CONCORD_SOURCE_DIR) + "/tests/fixtures/mail/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Mime, MultipartWithAttachmentAndEncodedWords) {
  const ParsedMail m = ParseMail(Fixture("request_multipart_attachment.eml")).value();
  EXPECT_EQ(m.message_id, "<CAF8x2-request-0001@mail.acme-staffing.test>");
  EXPECT_EQ(m.from_name, "Ren\u00e9e Dupont");
  EXPECT_EQ(m.from_address, "renee.dupont@acme-staffing.test");
  EXPECT_EQ(m.to, std::vector<std::string>{"support@concord.test"});
  EXPECT_EQ(m.subject, "Pay stub missing \u2013 week 09");  // base64 encoded word, an en dash
  EXPECT_EQ(m.date, "2026-03-02T14:12:31Z");                 // 09:12:31 −0500
  // The text/plain alternative, quoted-printable soft line break joined.
  EXPECT_NE(m.text.find("week 09 \u2013 see the attached register. Can you check?"), std::string::npos) << m.text;
  EXPECT_EQ(m.text.find("<p>"), std::string::npos);
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].name, "register-week09.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].bytes, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
}

TEST(Mime, ReplyInIso88591WithThreadingHeaders) {
  const ParsedMail m = ParseMail(Fixture("reply_iso8859_1.eml")).value();
  EXPECT_EQ(m.in_reply_to, "<OUTBOUND>");
  EXPECT_EQ(m.references,
            (std::vector<std::string>{"<CAF8x2-request-0001@mail.acme-staffing.test>", "<OUTBOUND>"}));
  EXPECT_EQ(m.subject, "Re: Pay stub missing \u2013 week 09 [#CASE]");  // windows-1252 0x96
  EXPECT_NE(m.text.find("Voil\u00e0 the corrected register, merci beaucoup. Ren\u00e9e"), std::string::npos) << m.text;
}

TEST(Mime, OutlookWindows1252HtmlOnlyWithRaw8BitHeader) {
  const ParsedMail m = ParseMail(Fixture("outlook_windows1252_html.eml")).value();
  EXPECT_EQ(m.from_name, "J. O'Neil");
  EXPECT_EQ(m.subject, "Invoice \u201cMarch\u201d \u20ac total wrong");  // 0x93 0x94 0x80
  EXPECT_NE(m.text.find("The \u201cMarch\u201d invoice shows \u20ac1,250.00 & should be \u20ac1,200.00."),
            std::string::npos)
      << m.text;
  EXPECT_TRUE(m.attachments.empty());
}

TEST(Mime, NotAMailOrNoSender) {
  EXPECT_EQ(ParseMail("Subject: hi\r\n\r\nno sender\r\n").error().code, "mail.no_sender");
}

TEST(Mime, WrittenReplyReadsBack) {
  OutboundMail out{"<case12.abc@concord.test>", "<CAF8x2-reply-0002@mail.acme-staffing.test>",
                   {"<CAF8x2-request-0001@mail.acme-staffing.test>", "<CAF8x2-reply-0002@mail.acme-staffing.test>"},
                   "support@concord.test", {"renee.dupont@acme-staffing.test"},
                   "Re: Pay stub missing \u2013 week 09 [#12]", "Merci, Ren\u00e9e \u2014 the stubs are reissued."};
  const std::string raw = WriteMail(out);
  EXPECT_NE(raw.find("\r\nIn-Reply-To: <CAF8x2-reply-0002@mail.acme-staffing.test>\r\n"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
  const ParsedMail back = ParseMail(raw).value();
  EXPECT_EQ(back.message_id, out.message_id);
  EXPECT_EQ(back.references, out.references);
  EXPECT_EQ(back.subject, out.subject);
  EXPECT_EQ(back.text.substr(0, out.text.size()), out.text);
}

}  // namespace
}  // namespace concord::mail
