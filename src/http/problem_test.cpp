#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hd::http {
namespace {

boost::json::object Body(const Response& response) {
  return boost::json::parse(response.body).as_object();
}

TEST(Problem, MapsEveryErrorCodeToItsStatus) {
  const std::pair<Error, int> cases[] = {
      {Error::InvalidArgument("x", "subject"), 422},
      {Error::NotFound("x"), 404},
      {Error::Conflict("x"), 409},
      {Error::Forbidden("x"), 403},
      {Error::Unauthenticated("x"), 401},
      {Error::Unavailable("x"), 503},
      {Error::Internal("x"), 500},
      {Error::PreconditionFailed("x"), 412},
      {Error::TooLarge("x"), 413},
      {Error::RateLimited("x"), 429},
  };
  for (const auto& [error, status] : cases) {
    Response response = ProblemResponse(error);
    EXPECT_EQ(response.status, status) << ToString(error.code);
    EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
    auto body = Body(response);
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_EQ(body.at("type").as_string(),
              "urn:helpdesk:problem:" + std::string(ToString(error.code)));
    EXPECT_FALSE(body.at("title").as_string().empty());
    if (status >= 500) {
      // Server failures never show their internal message (paths, SQL) to clients.
      EXPECT_NE(body.at("detail").as_string(), "x");
      EXPECT_FALSE(body.at("detail").as_string().empty());
    } else {
      EXPECT_EQ(body.at("detail").as_string(), "x");
    }
  }
}

TEST(Problem, MalformedBodiesAre400) {
  EXPECT_EQ(StatusFor(Error::InvalidArgument("bad").WithReason("malformed-json")), 400);
  EXPECT_EQ(StatusFor(Error::InvalidArgument("bad").WithReason("malformed-multipart")), 400);
  EXPECT_EQ(StatusFor(Error::InvalidArgument("bad").WithReason("unsupported-media-type")), 415);
}

TEST(Problem, ReasonBecomesTheTypeSlug) {
  Response response = ProblemResponse(Error::Forbidden("no token").WithReason("csrf"));
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(Body(response).at("type").as_string(), "urn:helpdesk:problem:csrf");
}

TEST(Problem, NamesTheFieldOnlyWhenThereIsOne) {
  EXPECT_EQ(Body(ProblemResponse(Error::InvalidArgument("too long", "subject"))).at("field"),
            "subject");
  EXPECT_FALSE(Body(ProblemResponse(Error::NotFound("gone"))).contains("field"));
}

TEST(Problem, RetryAfterOnUnavailableAndRateLimited) {
  EXPECT_EQ(ProblemResponse(Error::Unavailable("locked")).Header("Retry-After"),
            std::to_string(kRetryAfterUnavailableSeconds));
  EXPECT_EQ(ProblemResponse(Error::RateLimited("slow down")).Header("Retry-After"),
            std::to_string(kRetryAfterRateLimitedSeconds));
  EXPECT_FALSE(ProblemResponse(Error::Conflict("dup")).Header("Retry-After").has_value());
}

TEST(Problem, ExplicitStatusAndSlug) {
  Response response = ProblemResponse(431, "header-too-large", "too big");
  EXPECT_EQ(response.status, 431);
  auto body = Body(response);
  EXPECT_EQ(body.at("type").as_string(), "urn:helpdesk:problem:header-too-large");
  EXPECT_EQ(body.at("title").as_string(), "Request header fields too large");
}

}  // namespace
}  // namespace hd::http
