#include "mail/mime/mail_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace hd::mail {
namespace {

namespace json = boost::json;

TEST(ParseJson, WritesExactlyTheContractKeys) {
  core::InboundMail mail;
  mail.from = {"Анна", "anna@x.example"};
  mail.to = {{"", "support@helpdesk.example"}};
  mail.subject = "Тема";
  mail.message_id = "m@x";
  mail.references = {"r@x"};
  mail.body_text = "text";
  mail.attachments.push_back({"a.pdf", "application/pdf", "", false, "", "12345"});
  mail.auto_submitted = true;
  mail.problems = {"not in the JSON"};
  const json::object out = json::parse(ParseJson(mail)).as_object();
  std::vector<std::string> keys;
  for (const auto& [key, value] : out) keys.emplace_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"from", "to", "cc", "reply_to", "subject", "message_id",
                                      "in_reply_to", "references", "date", "body_text", "body_html",
                                      "attachments", "auto_submitted", "is_bounce"}));
  EXPECT_EQ(out.at("from").at("name"), "Анна");
  EXPECT_TRUE(out.at("in_reply_to").is_null());
  EXPECT_TRUE(out.at("date").is_null());
  EXPECT_TRUE(out.at("body_html").is_null());
  EXPECT_EQ(json::serialize(out.at("attachments")),
            R"([{"filename":"a.pdf","content_type":"application/pdf","size":5}])");
  EXPECT_EQ(out.at("auto_submitted"), true);
  EXPECT_EQ(out.at("is_bounce"), false);
}

TEST(ParseJson, WritesTheDateInUtcAndOptionalStrings) {
  core::InboundMail mail;
  mail.date = core::FromUnixMillis(1768212900000);
  mail.in_reply_to = "p@x";
  mail.body_html = "<p>x</p>";
  const json::object out = json::parse(ParseJson(mail)).as_object();
  EXPECT_EQ(out.at("date"), "2026-01-12T10:15:00Z");
  EXPECT_EQ(out.at("in_reply_to"), "p@x");
  EXPECT_EQ(out.at("body_html"), "<p>x</p>");
}

}  // namespace
}  // namespace hd::mail
