#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace hd::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

std::string Part(std::string_view headers, std::string_view body) {
  return "--XyZ\r\n" + std::string(headers) + "\r\n\r\n" + std::string(body) + "\r\n";
}

TEST(Multipart, ParsesFieldsAndFiles) {
  std::string body = Part("Content-Disposition: form-data; name=\"subject\"", "Printer on fire") +
                     Part(
                         "Content-Disposition: form-data; name=\"attachments\"; "
                         "filename=\"shot.png\"\r\nContent-Type: image/png",
                         "PNGDATA") +
                     "--XyZ--\r\n";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "subject");
  EXPECT_FALSE((*parts)[0].is_file);
  EXPECT_EQ((*parts)[0].content_type, "text/plain");
  EXPECT_EQ((*parts)[0].body, "Printer on fire");
  EXPECT_EQ((*parts)[1].name, "attachments");
  EXPECT_TRUE((*parts)[1].is_file);
  EXPECT_EQ((*parts)[1].filename, "shot.png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].body, "PNGDATA");
}

TEST(Multipart, AcceptsQuotedBoundaryWithSpecialCharacters) {
  std::string body =
      "--a:b c\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue\r\n--a:b c--";
  auto parts = ParseMultipart("Multipart/Form-Data; charset=utf-8; boundary=\"a:b c\"", body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "value");
}

TEST(Multipart, KeepsBinaryContentExactly) {
  static constexpr char kBinary[] = "\0\r\n\xff--XY\r\n--Xy\r\n\r\n\x01";
  const std::string binary(kBinary, sizeof kBinary - 1);
  std::string body =
      Part("Content-Disposition: form-data; name=\"attachments\"; filename=\"b\"", binary) +
      "--XyZ--\r\n";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, binary);
  EXPECT_EQ((*parts)[0].body.size(), 19u);
}

TEST(Multipart, SkipsPreambleAndEpilogue) {
  std::string body = "This is a preamble.\r\n" +
                     Part("Content-Disposition: form-data; name=\"a\"", "1") +
                     "--XyZ--\r\nepilogue text";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(Multipart, StripsPathsAndDecodesExtendedFilenames) {
  std::string body =
      Part(
          "Content-Disposition: form-data; name=\"attachments\"; filename=\"C:\\\\Users\\\\me\\\\"
          "log.txt\"",
          "a") +
      Part(
          "Content-Disposition: form-data; name=\"attachments\"; filename=\"fallback.txt\"; "
          "filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.txt",
          "b") +
      Part("Content-Disposition: form-data; name=\"attachments\"; filename=\"../../etc/passwd\"",
           "c") +
      "--XyZ--";
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "log.txt");
  EXPECT_EQ((*parts)[1].filename, "отчёт.txt");
  EXPECT_EQ((*parts)[2].filename, "passwd");
}

TEST(Multipart, RejectsMalformedBodies) {
  const std::pair<std::string_view, std::string> cases[] = {
      {"multipart/form-data", "--XyZ--"},                                // no boundary parameter
      {"application/json", "--XyZ--"},                                   // not multipart
      {"multipart/form-data; boundary=\"XyZ", "--XyZ--"},                // unterminated quote
      {kType, "no delimiter at all"},                                    // no boundary in body
      {kType, Part("Content-Disposition: form-data; name=\"a\"", "1")},  // no close delimiter
      {kType, "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n--XyZ--"},  // no blank
      {kType, Part("Content-Type: text/plain", "1") + "--XyZ--"},        // no disposition
      {kType, Part("Content-Disposition: form-data", "1") + "--XyZ--"},  // no name
      {kType, Part("Content-Disposition: attachment; name=\"a\"", "1") + "--XyZ--"},
      {kType, Part("Broken header line", "1") + "--XyZ--"},
      {kType, "--XyZjunk\r\n"},
  };
  for (const auto& [type, body] : cases) {
    auto parts = ParseMultipart(type, body);
    ASSERT_FALSE(parts.ok()) << type << " | " << body;
    EXPECT_EQ(parts.error().reason, "malformed-multipart");
  }
}

TEST(Multipart, LimitsThePartCount) {
  std::string body;
  for (std::size_t i = 0; i <= kMaxMultipartParts; ++i) {
    body += Part("Content-Disposition: form-data; name=\"f\"", "v");
  }
  body += "--XyZ--";
  EXPECT_FALSE(ParseMultipart(kType, body).ok());
}

TEST(HeaderValue, ParsesTokenAndQuotedParameters) {
  auto value = ParseHeaderValue("Form-Data; Name=\"a \\\"b\\\"\"; filename=x.txt ;size=3");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->value, "form-data");
  EXPECT_EQ(value->params["name"], "a \"b\"");
  EXPECT_EQ(value->params["filename"], "x.txt");
  EXPECT_EQ(value->params["size"], "3");
}

}  // namespace
}  // namespace hd::http
