#include "mail/mime.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace concord::mail {
namespace {

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

template <class T>
struct Unref {
  void operator()(T* p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, Unref<T>>;

struct GFree {
  void operator()(char* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFree>;

std::string Bracketed(const char* id) {
  if (id == nullptr || *id == '\0') return "";
  std::string s(id);
  if (!s.starts_with('<')) s = "<" + s + ">";
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::pair<std::string, std::string>> Mailboxes(InternetAddressList* list) {
  std::vector<std::pair<std::string, std::string>> out;
  if (list == nullptr) return out;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
    const char* name = internet_address_get_name(a);
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
    out.emplace_back(name ? name : "", addr ? Lower(addr) : "");
  }
  return out;
}

std::string Decoded(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// Tags out, entities of the common few decoded: enough to read an HTML-only mail in the timeline.
std::string StripHtml(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  for (const auto& [entity, text] : std::vector<std::pair<std::string, std::string>>{
           {"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at; (at = out.find(entity)) != std::string::npos;) out.replace(at, entity.size(), text);
  }
  return out;
}

struct Walk {
  ParsedMail* mail;
  std::string html;
};

void VisitPart(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  auto* walk = static_cast<Walk*>(data);
  if (!GMIME_IS_PART(part)) return;
  GMimePart* p = GMIME_PART(part);
  GMimeContentType* type = g_mime_object_get_content_type(part);
  const char* filename = g_mime_part_get_filename(p);
  const bool attachment = g_mime_part_is_attachment(p) || (filename != nullptr && *filename != '\0');
  if (!attachment && GMIME_IS_TEXT_PART(part)) {
    GString_ text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));  // converted to UTF-8 from its charset
    if (!text) return;
    if (g_mime_content_type_is_type(type, "text", "plain")) {
      if (walk->mail->text.empty()) walk->mail->text = text.get();
    } else if (g_mime_content_type_is_type(type, "text", "html") && walk->html.empty()) {
      walk->html = text.get();
    }
    return;
  }
  if (!attachment) return;
  GString_ mime_type(g_mime_content_type_get_mime_type(type));
  walk->mail->attachments.push_back({filename ? filename : "attachment", mime_type ? mime_type.get() : "", Decoded(p)});
}

}  // namespace

Result<ParsedMail> ParseMail(std::string_view raw) {
  InitGMime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GMimeParserOptions* options = g_mime_parser_options_new();
  const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options, fallback);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (!message) {
    g_mime_parser_options_free(options);
    return Error::Invalid("mail.unparseable", "The upload is not a MIME mail message.");
  }
  ParsedMail mail;
  mail.message_id = Bracketed(g_mime_message_get_message_id(message.get()));
  GMimeObject* object = GMIME_OBJECT(message.get());
  if (const char* irt = g_mime_object_get_header(object, "In-Reply-To")) {
    GString_ id(g_mime_utils_decode_message_id(irt));
    mail.in_reply_to = Bracketed(id.get());
  }
  if (const char* refs = g_mime_object_get_header(object, "References")) {
    GMimeReferences* list = g_mime_references_parse(options, refs);
    for (int i = 0; list && i < g_mime_references_length(list); ++i)
      mail.references.push_back(Bracketed(g_mime_references_get_message_id(list, i)));
    if (list) g_mime_references_free(list);
  }
  g_mime_parser_options_free(options);
  const auto from = Mailboxes(g_mime_message_get_from(message.get()));
  if (from.empty() || from.front().second.empty())
    return Error::Invalid("mail.no_sender", "The message has no From address.", {{"From", "mail.no_sender", "missing"}});
  mail.from_name = from.front().first;
  mail.from_address = from.front().second;
  for (const auto& [name, addr] : Mailboxes(g_mime_message_get_to(message.get()))) mail.to.push_back(addr);
  for (const auto& [name, addr] : Mailboxes(g_mime_message_get_cc(message.get()))) mail.to.push_back(addr);
  if (const char* subject = g_mime_message_get_subject(message.get())) mail.subject = subject;
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    GDateTime* utc = g_date_time_to_utc(date);
    GString_ text(g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ"));
    mail.date = text.get();
    g_date_time_unref(utc);
  }
  Walk walk{&mail, ""};
  g_mime_message_foreach(message.get(), VisitPart, &walk);
  if (mail.text.empty() && !walk.html.empty()) mail.text = StripHtml(walk.html);
  return mail;
}

std::string WriteMail(const OutboundMail& mail) {
  InitGMime();
  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, "", mail.from.c_str());
  for (const std::string& to : mail.to) g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, "", to.c_str());
  if (!mail.reply_to.empty())
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_REPLY_TO, "", mail.reply_to.c_str());
  g_mime_message_set_subject(message.get(), mail.subject.c_str(), "utf-8");
  auto bare = [](const std::string& id) { return id.size() > 2 && id.front() == '<' ? id.substr(1, id.size() - 2) : id; };
  g_mime_message_set_message_id(message.get(), bare(mail.message_id).c_str());
  GMimeObject* object = GMIME_OBJECT(message.get());
  if (!mail.in_reply_to.empty()) g_mime_object_set_header(object, "In-Reply-To", mail.in_reply_to.c_str(), nullptr);
  if (!mail.references.empty()) {
    std::string refs;
    for (const auto& r : mail.references) refs += (refs.empty() ? "" : " ") + r;
    g_mime_object_set_header(object, "References", refs.c_str(), nullptr);
  }
  GDateTime* now = g_date_time_new_now_utc();
  g_mime_message_set_date(message.get(), now);
  g_date_time_unref(now);
  GPtr<GMimeTextPart> body(g_mime_text_part_new_with_subtype("plain"));
  g_mime_text_part_set_charset(body.get(), "utf-8");
  g_mime_text_part_set_text(body.get(), mail.text.c_str());
  g_mime_part_set_content_encoding(GMIME_PART(body.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  if (mail.attachments.empty()) {
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(body.get()));
  } else {
    GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
    g_mime_multipart_add(mixed.get(), GMIME_OBJECT(body.get()));
    for (const MailAttachment& a : mail.attachments) {
      const std::string type = a.content_type.empty() ? "application/octet-stream" : a.content_type;
      const size_t slash = type.find('/');
      GPtr<GMimePart> part(g_mime_part_new_with_type(type.substr(0, slash).c_str(),
                                                     slash == std::string::npos ? "octet-stream" : type.substr(slash + 1).c_str()));
      g_mime_part_set_filename(part.get(), a.name.c_str());
      GPtr<GMimeStream> bytes(g_mime_stream_mem_new_with_buffer(a.bytes.data(), a.bytes.size()));
      GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(bytes.get(), GMIME_CONTENT_ENCODING_DEFAULT));
      g_mime_part_set_content(part.get(), content.get());
      g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
      g_mime_multipart_add(mixed.get(), GMIME_OBJECT(part.get()));
    }
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
  }
  GMimeFormatOptions* format = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
  GString_ text(g_mime_object_to_string(object, format));
  g_mime_format_options_free(format);
  return text ? std::string(text.get()) : std::string();
}

}  // namespace concord::mail
