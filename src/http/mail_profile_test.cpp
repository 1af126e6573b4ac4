// The mail and profile routes: the decisions made before any data is read
// (input checks, who may see what), driven through the handlers and the Api
// without sockets or a database.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/api.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/json/encode_mail.hpp"
#include "http/problem.hpp"
#include "http/test_fakes.hpp"
#include "service/mail/password_link.hpp"

namespace hd::http {
namespace {

class MailProfileTest : public ::testing::Test {
 protected:
  // Runs `handler` for `user` as a cookie session would (CSRF already
  // checked by the Api) and maps an error to its problem response.
  Response Call(HandlerFn handler, core::Role role, std::string method, std::string body = {},
                PathParams params = {}) {
    service::Principal principal;
    principal.user.id = core::UserId(7);
    principal.user.role = role;
    principal.user.email = "someone@example.com";
    principal.via_session = true;
    principal.csrf_token = "csrf";
    Request request;
    request.method = std::move(method);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = std::move(body);
    HandlerEnv env{fake_.services, ApiOptions{}, metrics_, draining_};
    Context context{env, request, params, &principal};
    Result<Response> result = handler(context);
    return result.ok() ? std::move(result).value() : ProblemResponse(result.error());
  }
  static std::string Member(const Response& response, std::string_view name) {
    const boost::json::value body = boost::json::parse(response.body);
    const auto* value = body.as_object().if_contains(name);
    return value && value->is_string() ? std::string(value->as_string()) : "";
  }
  static PathParams RawParams() { return PathParams{{{"id", "3"}, {"mid", "9"}}}; }

  testing::FakeServices fake_;
  Metrics metrics_;
  std::atomic<bool> draining_{false};
};

TEST_F(MailProfileTest, PatchMeRejectsAnUnknownKeyNamingIt) {
  Response response = Call(handlers::PatchMe, core::Role::kCustomer, "PATCH",
                           R"({"language": "en", "nickname": "Vasya"})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(Member(response, "field"), "nickname");
  EXPECT_EQ(Member(response, "type"), "urn:helpdesk:problem:unknown-field");
}

TEST_F(MailProfileTest, PatchMeRejectsABadLanguageNamingIt) {
  Response response =
      Call(handlers::PatchMe, core::Role::kCustomer, "PATCH", R"({"language": "de"})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(Member(response, "field"), "language");
}

TEST_F(MailProfileTest, PatchMeWantsMailOffAsAnArrayOfStrings) {
  for (std::string body : {R"({"mail_off": "reply"})", R"({"mail_off": ["reply", 3]})"}) {
    Response response = Call(handlers::PatchMe, core::Role::kCustomer, "PATCH", body);
    EXPECT_EQ(response.status, 422) << body;
    EXPECT_EQ(Member(response, "field"), "mail_off") << body;
  }
}

TEST_F(MailProfileTest, PatchMeWantsJson) {
  Response malformed = Call(handlers::PatchMe, core::Role::kCustomer, "PATCH", "{\"name\":");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(Member(malformed, "type"), "urn:helpdesk:problem:malformed-json");
}

TEST_F(MailProfileTest, RawMessageIsNotFoundForACustomer) {
  Response response = Call(handlers::GetRawMessage, core::Role::kCustomer, "GET", {}, RawParams());
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
}

TEST_F(MailProfileTest, RawMessageOfStaffReachesTheStore) {
  // Staff get past the role check; the (locked) store answers next.
  Response response =
      Call(handlers::GetRawMessage, core::Role::kL1Operator, "GET", {}, RawParams());
  EXPECT_EQ(response.status, 503);
}

TEST_F(MailProfileTest, MailOverviewIsForAdministratorsAndL1Operators) {
  EXPECT_EQ(Call(handlers::AdminMail, core::Role::kCustomer, "GET").status, 403);
  EXPECT_EQ(Call(handlers::AdminMail, core::Role::kDeveloper, "GET").status, 403);
  // Past the role check the (locked) store answers.
  EXPECT_EQ(Call(handlers::AdminMail, core::Role::kL1Operator, "GET").status, 503);
  EXPECT_EQ(Call(handlers::AdminMail, core::Role::kAdministrator, "GET").status, 503);
}

class PasswordLinkApiTest : public ::testing::Test {
 protected:
  Response Post(std::string body) {
    Request request;
    request.method = "POST";
    request.path = "/api/v1/auth/password";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = std::move(body);
    return api_.Handle(request);
  }

  testing::FakeServices fake_;
  Metrics metrics_;
  Api api_{fake_.services, ApiOptions{}, metrics_};
};

TEST_F(PasswordLinkApiTest, AMalformedLinkIs401) {
  Response response = Post(R"({"token": "not-a-link", "password": "long enough"})");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.route, "/api/v1/auth/password");
}

TEST_F(PasswordLinkApiTest, AShortPasswordIsRefusedNamingIt) {
  core::User user;
  user.id = core::UserId(5);
  const std::string token =
      service::MakePasswordToken(user, fake_.clock.Now() + std::chrono::hours(1), "secret");
  Response response = Post(R"({"token": ")" + token + R"(", "password": "short"})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(boost::json::parse(response.body).at("field").as_string(), "password");
}

TEST_F(PasswordLinkApiTest, UnknownMembersAreRefused) {
  Response response = Post(R"({"token": "t", "password": "p", "email": "x@example.com"})");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(boost::json::parse(response.body).at("field").as_string(), "email");
}

TEST(MailJson, OverviewNamesEveryPartWithNullForMissingTimes) {
  const core::Timestamp at = core::FromUnixMillis(1767225600000);  // 2026-01-01T00:00:00Z
  service::MailOverview overview;
  overview.mailboxes.push_back({"imap://127.0.0.1:1143/INBOX", "17", at, "timeout", at});
  overview.outbox.outbox = 2;
  overview.outbox.held = 9;
  core::ports::InboundRecord bounce;
  bounce.id = 4;
  bounce.source = "pipe";
  bounce.from_address = "mailer-daemon@example.com";
  bounce.ticket_id = core::TicketId(12);
  bounce.received_at = at;
  overview.bounces.push_back(bounce);
  overview.failing.push_back({"gone@example.com", "550 no such user", std::nullopt, at});
  const boost::json::value json = json::MailOverviewJson(overview);
  const boost::json::value expected = boost::json::parse(R"({
    "mailboxes": [{"name": "imap://127.0.0.1:1143/INBOX", "epoch": "17", "ok": false,
                   "last_poll_at": "2026-01-01T00:00:00Z", "last_error": "timeout",
                   "last_error_at": "2026-01-01T00:00:00Z"}],
    "outbox": {"pending": 2, "oldest_unsent": null, "failed": 0, "last_sent_at": null,
               "last_error": ""},
    "held_total": 9,
    "held": [],
    "bounces": [{"id": 4, "source": "pipe", "message_id": "",
                 "from": "mailer-daemon@example.com", "subject": "", "reason": "", "size": 0,
                 "ticket_id": 12, "received_at": "2026-01-01T00:00:00Z"}],
    "failing_addresses": [{"address": "gone@example.com", "reason": "550 no such user",
                           "ticket_id": null, "at": "2026-01-01T00:00:00Z"}]
  })");
  EXPECT_EQ(json, expected) << json::Serialize(json);
}

TEST(MailJson, UserCarriesStoredLanguageAndZoneAndProfileTheOnesInForce) {
  service::ProfileView view;
  view.user.language = "";
  view.user.time_zone = "Asia/Yekaterinburg";
  view.language = "ru";
  view.time_zone = "Asia/Yekaterinburg";
  view.mail_off = {"sla_warning"};
  const boost::json::value user = boost::json::value_from(view.user);
  EXPECT_EQ(user.at("language"), "");
  EXPECT_EQ(user.at("time_zone"), "Asia/Yekaterinburg");
  EXPECT_EQ(json::ProfileJson(view),
            boost::json::parse(R"({"language": "ru", "time_zone": "Asia/Yekaterinburg",
                                   "mail_off": ["sla_warning"]})"));
}

}  // namespace
}  // namespace hd::http
