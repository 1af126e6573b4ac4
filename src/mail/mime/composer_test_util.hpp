// Helpers of the composer's tests: a minimal valid OutboundMail, GMime's
// parser to read a composed message back, and checks on raw lines and
// encoded words. Test-only.
#pragma once

#include <gmime/gmime.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mime/composer.hpp"
#include "mail/mime/composer_body.hpp"
#include "mail/mime/gmime_init.hpp"
#include "mail/mime/gobject_ptr.hpp"

namespace hd::mail::compose_testing {

using core::MailAddress;
using core::MailAttachment;
using core::OutboundMail;

inline OutboundMail Minimal() {
  OutboundMail mail;
  mail.from = {"Support", "support@helpdesk.example"};
  mail.to = {{"Anna", "anna@acme.example"}};
  mail.subject = "Hello";
  mail.message_id = "t1.m1@helpdesk.example";
  mail.date = core::FromUnixMillis(1768212900000);  // Mon, 12 Jan 2026 10:15:00 UTC
  mail.text = "Hello, Anna.\n";
  return mail;
}

inline std::string Compose(const OutboundMail& mail) {
  Result<std::string> raw = ComposeMessage(mail);
  EXPECT_TRUE(raw.ok()) << (raw.ok() ? "" : raw.error().message);
  return raw.ok() ? std::move(raw).value() : std::string();
}

inline GObjectPtr<GMimeMessage> Parse(const std::string& raw) {
  EnsureGMime();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  EXPECT_NE(message, nullptr);
  return message;
}

// The header block of `raw`, up to the blank line.
inline std::string_view HeaderBlock(std::string_view raw) {
  return raw.substr(0, raw.find("\r\n\r\n") + 2);
}

// One header of the block, folded lines and all ("Subject: …\r\n …\r\n").
inline std::string RawHeader(std::string_view raw, std::string_view name) {
  const std::string_view block = HeaderBlock(raw);
  const std::size_t start = block.find("\r\n" + std::string(name) + ":");
  if (start == std::string_view::npos && block.rfind(std::string(name) + ":", 0) != 0) return {};
  std::size_t pos = start == std::string_view::npos ? 0 : start + 2;
  const std::size_t begin = pos;
  do {
    pos = block.find("\r\n", pos) + 2;
  } while (pos < block.size() && (block[pos] == ' ' || block[pos] == '\t'));
  return std::string(block.substr(begin, pos - begin));
}

inline std::string Decoded(GMimeObject* object) {
  GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(object));
  GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

inline std::string Crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

inline std::string TypeOf(GMimeObject* object) {
  GCharPtr mime(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)));
  return mime.get();
}

inline GMimeObject* Child(GMimeObject* multipart, int index) {
  EXPECT_TRUE(GMIME_IS_MULTIPART(multipart)) << TypeOf(multipart);
  return g_mime_multipart_get_part(GMIME_MULTIPART(multipart), index);
}

inline int ChildCount(GMimeObject* multipart) {
  return g_mime_multipart_get_count(GMIME_MULTIPART(multipart));
}

inline std::vector<MailAddress> Addresses(InternetAddressList* list) {
  std::vector<MailAddress> out;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    const char* name = internet_address_get_name(a);
    out.push_back(
        {name ? name : "", internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))});
  }
  return out;
}

inline void ExpectSameAddresses(const std::vector<MailAddress>& want, InternetAddressList* got) {
  const std::vector<MailAddress> parsed = Addresses(got);
  ASSERT_EQ(parsed.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(parsed[i].name, want[i].name);
    EXPECT_EQ(parsed[i].address, want[i].address);
  }
}

// Every line ends in CRLF (no bare CR or LF) and is at most 998 octets.
inline void ExpectWellFormedLines(std::string_view raw) {
  std::size_t line = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      ASSERT_TRUE(i + 1 < raw.size() && raw[i + 1] == '\n') << "bare CR at " << i;
      ++i;
      line = 0;
    } else {
      ASSERT_NE(raw[i], '\n') << "bare LF at " << i;
      ASSERT_LE(++line, 998u) << "line too long at " << i;
    }
  }
}

// Decodes one RFC 2047 encoded word's text (B or Q) to its raw octets.
inline std::string EncodedWordOctets(std::string_view encoding, std::string_view text) {
  if (encoding == "b" || encoding == "B") {
    gsize len = 0;
    std::unique_ptr<guchar, GFree> bytes(g_base64_decode(std::string(text).c_str(), &len));
    return std::string(reinterpret_cast<const char*>(bytes.get()), len);
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out += ' ';
    } else if (text[i] == '=' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Each encoded word of `header` is UTF-8 and whole characters on its own.
inline void ExpectWholeCharactersPerWord(std::string_view header) {
  std::size_t words = 0;
  for (std::size_t pos = header.find("=?"); pos != std::string_view::npos;
       pos = header.find("=?", pos + 2)) {
    const std::size_t q1 = header.find('?', pos + 2);
    const std::size_t q2 = header.find('?', q1 + 1);
    const std::size_t end = header.find("?=", q2 + 1);
    ASSERT_NE(end, std::string_view::npos);
    const std::string charset(header.substr(pos + 2, q1 - pos - 2));
    EXPECT_TRUE(charset == "UTF-8" || charset == "utf-8" || charset == "us-ascii") << charset;
    const std::string octets =
        EncodedWordOctets(header.substr(q1 + 1, q2 - q1 - 1), header.substr(q2 + 1, end - q2 - 1));
    EXPECT_TRUE(g_utf8_validate(octets.data(), static_cast<gssize>(octets.size()), nullptr))
        << "a word ends inside a character: " << header.substr(pos, end + 2 - pos);
    ++words;
    pos = end;
  }
  EXPECT_GT(words, 0u);
}

}  // namespace hd::mail::compose_testing
