// SmtpSender against real servers: the smtp-sink of scripts/mail-servers
// (HD_TEST_SMTP_URL) and private smtp-sinks started here to answer 4xx or
// 5xx, to refuse the login, or to go away and come back.
#include "mail/transport/smtp_sender.hpp"

#include <gtest/gtest.h>

#include "mail/transport/transport_test_env.hpp"

namespace hd::mail {
namespace {

using testing::PrivateSink;

std::unique_ptr<SmtpSender> MakeSender(const std::string& url, SmtpOptions options = {}) {
  options.url = url;
  options.timeout = std::chrono::seconds(10);
  auto sender = SmtpSender::Create(options);
  EXPECT_TRUE(sender.ok()) << sender.error().message;
  return sender.ok() ? std::move(sender).value() : nullptr;
}

std::string Token() { return "hd-" + testing::UniqueUser().substr(0, 40); }

TEST(SmtpSender, SendsMessageThatTheServerStoresUnchanged) {
  HD_REQUIRE_MAIL_SERVERS(env);
  auto sender = MakeSender(env.smtp_url);
  const std::string token = Token();
  const std::string raw =
      testing::SampleMessage(token, std::string(900, 'x'));  // a long line, a dot line, UTF-8
  auto receipt = sender->Send("support@helpdesk.example",
                              {"anna@customer.example", "boss@customer.example"}, raw);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_EQ(receipt->code, 250);
  EXPECT_EQ(receipt->reply.substr(0, 3), "250");
  EXPECT_EQ(testing::SinkMessage(env.sink_dir, token), testing::ToLf(raw));
}

TEST(SmtpSender, SendsSeveralMessagesOverOneSender) {
  HD_REQUIRE_MAIL_SERVERS(env);
  auto sender = MakeSender(env.smtp_url);
  for (int i = 0; i < 3; ++i) {
    const std::string token = Token() + "-" + std::to_string(i);
    auto receipt = sender->Send("", {"anna@customer.example"}, testing::SampleMessage(token));
    ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    EXPECT_FALSE(testing::SinkMessage(env.sink_dir, token).empty());
  }
}

TEST(SmtpSender, ClosedPortIsUnavailableWithoutThePassword) {
  SmtpOptions options;
  options.user = "support";
  options.password = "hunter2-secret";
  auto sender = MakeSender("smtp://127.0.0.1:" + std::to_string(testing::FreePort()), options);
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"}, "x\r\n");
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(receipt.error().message.find("hunter2"), std::string::npos);
  EXPECT_FALSE(sender->Check().ok());
}

TEST(SmtpSender, SoftRejectIsUnavailableWithTheServersReply) {
  PrivateSink sink({"-r", "RCPT"});
  auto sender = MakeSender(sink.Url());
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"},
                              testing::SampleMessage(Token()));
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(receipt.error().message.find("450 4.3.0"), std::string::npos)
      << receipt.error().message;
}

TEST(SmtpSender, HardRejectIsInvalidArgumentSmtpRejected) {
  PrivateSink sink({"-f", "RCPT"});
  auto sender = MakeSender(sink.Url());
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"},
                              testing::SampleMessage(Token()));
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(receipt.error().reason, "smtp-rejected");
  EXPECT_NE(receipt.error().message.find("500 5.3.0"), std::string::npos)
      << receipt.error().message;
}

TEST(SmtpSender, MessageRefusedAfterDataIsInvalidArgument) {
  PrivateSink sink({"-f", "."});
  auto sender = MakeSender(sink.Url());
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"},
                              testing::SampleMessage(Token()));
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(receipt.error().reason, "smtp-rejected");
}

TEST(SmtpSender, SoftRejectOfTheMessageIsUnavailable) {
  PrivateSink sink({"-r", "."});
  auto sender = MakeSender(sink.Url());
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"},
                              testing::SampleMessage(Token()));
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kUnavailable) << receipt.error().message;
}

TEST(SmtpSender, RefusedLoginIsRetriableOnSendAndUnauthenticatedOnCheck) {
  PrivateSink sink({"-f", "AUTH"});
  SmtpOptions options;
  options.user = "support";
  options.password = "hunter2-secret";
  auto sender = MakeSender(sink.Url(), options);
  auto receipt = sender->Send("support@helpdesk.example", {"anna@customer.example"}, "x\r\n");
  ASSERT_FALSE(receipt.ok());
  EXPECT_EQ(receipt.error().code, ErrorCode::kUnavailable);  // retried once the login is fixed
  EXPECT_EQ(receipt.error().reason, "smtp-login-refused");
  EXPECT_NE(receipt.error().message.find("login refused"), std::string::npos);
  EXPECT_EQ(receipt.error().message.find("hunter2"), std::string::npos);
  Status check = sender->Check();
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, ErrorCode::kUnauthenticated);
}

TEST(SmtpSender, SendsAgainAfterTheServerWasRestarted) {
  PrivateSink sink({});
  auto sender = MakeSender(sink.Url());
  ASSERT_TRUE(sender->Send("", {"a@customer.example"}, testing::SampleMessage(Token())).ok());
  sink.Stop();
  auto down = sender->Send("", {"a@customer.example"}, testing::SampleMessage(Token()));
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, ErrorCode::kUnavailable);
  sink.Start();
  const std::string token = Token();
  auto receipt = sender->Send("", {"a@customer.example"}, testing::SampleMessage(token));
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_FALSE(testing::SinkMessage(sink.dir(), token).empty());
}

TEST(SmtpSender, CheckGreetsTheServer) {
  HD_REQUIRE_MAIL_SERVERS(env);
  SmtpOptions options;
  options.helo_name = "helpdesk.example";
  auto sender = MakeSender(env.smtp_url, options);
  Status check = sender->Check();
  EXPECT_TRUE(check.ok()) << (check.ok() ? "" : check.error().message);
}

TEST(SmtpSender, NameShowsNoCredentials) {
  auto sender = MakeSender("smtp://support:hunter2@127.0.0.1:2525");
  EXPECT_EQ(sender->Name(), "smtp://127.0.0.1:2525");
}

TEST(SmtpSender, RejectsBadOptionsAndAddresses) {
  SmtpOptions options;
  options.url = "http://127.0.0.1:25";
  auto bad = SmtpSender::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "url");

  auto sender = MakeSender("smtp://127.0.0.1:1");
  auto injected = sender->Send("a@b.example", {"x@y.example>\r\nRCPT TO:<z@w.example"}, "x");
  ASSERT_FALSE(injected.ok());
  EXPECT_EQ(injected.error().field, "recipients");
  auto none = sender->Send("a@b.example", {}, "x");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "recipients");
}

}  // namespace
}  // namespace hd::mail
