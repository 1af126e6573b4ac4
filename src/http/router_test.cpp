#include "http/router.hpp"

#include <gtest/gtest.h>

namespace hd::http {
namespace {

Router TicketRouter() {
  Router router;
  router.Add("GET", "/api/v1/tickets", 1);
  router.Add("POST", "/api/v1/tickets", 2);
  router.Add("GET", "/api/v1/tickets/{id}", 3);
  router.Add("PATCH", "/api/v1/tickets/{id}", 4);
  router.Add("GET", "/api/v1/tickets/{id}/messages", 5);
  router.Add("GET", "/api/v1/tickets/mine", 6);
  return router;
}

TEST(Router, MatchesLiteralRouteByMethod) {
  Router router = TicketRouter();
  RouteMatch get = router.Match("GET", "/api/v1/tickets");
  EXPECT_EQ(get.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(get.handler, 1);
  EXPECT_EQ(router.Match("POST", "/api/v1/tickets").handler, 2);
}

TEST(Router, ExtractsPathParameters) {
  RouteMatch match = TicketRouter().Match("GET", "/api/v1/tickets/42/messages");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(match.handler, 5);
  EXPECT_EQ(match.pattern, "/api/v1/tickets/{id}/messages");
  EXPECT_EQ(match.params.Get("id"), "42");
  EXPECT_EQ(match.params.Get("other"), "");
}

TEST(Router, PercentDecodesParameters) {
  RouteMatch match = TicketRouter().Match("GET", "/api/v1/tickets/a%20b");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(match.params.Get("id"), "a b");
}

TEST(Router, LiteralSegmentBeatsParameter) {
  EXPECT_EQ(TicketRouter().Match("GET", "/api/v1/tickets/mine").handler, 6);
}

TEST(Router, UnknownPathIsNotFound) {
  Router router = TicketRouter();
  EXPECT_EQ(router.Match("GET", "/api/v1/nothing").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router.Match("GET", "/api/v1/tickets/").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router.Match("GET", "/api/v1/tickets/1/messages/2").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router.Match("GET", "relative").kind, RouteMatch::Kind::kNotFound);
}

TEST(Router, WrongMethodIsMethodNotAllowedWithAllow) {
  Router router = TicketRouter();
  RouteMatch match = router.Match("DELETE", "/api/v1/tickets");
  EXPECT_EQ(match.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "GET, POST");
  RouteMatch by_id = router.Match("PUT", "/api/v1/tickets/7");
  EXPECT_EQ(by_id.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(by_id.allow, "GET, PATCH");
  EXPECT_EQ(by_id.pattern, "/api/v1/tickets/{id}");
}

TEST(Router, HeadIsAnsweredByGetRoute) {
  RouteMatch match = TicketRouter().Match("HEAD", "/api/v1/tickets/3");
  EXPECT_EQ(match.kind, RouteMatch::Kind::kMatched);
  EXPECT_EQ(match.handler, 3);
}

TEST(Router, ListsRoutesInOrderAdded) {
  auto routes = TicketRouter().Routes();
  ASSERT_EQ(routes.size(), 6u);
  EXPECT_EQ(routes[3], std::make_pair(std::string("PATCH"), std::string("/api/v1/tickets/{id}")));
}

}  // namespace
}  // namespace hd::http
