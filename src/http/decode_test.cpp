#include "http/decode.hpp"

#include <gtest/gtest.h>

#include "http/problem.hpp"
#include "http/query.hpp"

namespace hd::http {
namespace {

Request JsonRequest(std::string body) {
  Request request;
  request.method = "POST";
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = std::move(body);
  return request;
}

// The error's field, or "<ok>" when decoding succeeded.
template <class T>
std::string FieldOf(const Result<T>& result) {
  return result.ok() ? "<ok>" : result.error().field;
}

TEST(DecodeCreateTicket, ReadsEveryJsonField) {
  auto input = DecodeCreateTicket(JsonRequest(
      R"({"subject":"VPN down","body":"since 9:00","category":"network","criticality":"high",)"
      R"("sources_searched":"FAQ","steps":"connect","expected":"works","actual":"timeout",)"
      R"("on_behalf_of":"c@example.com"})"));
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->subject, "VPN down");
  EXPECT_EQ(input->body, "since 9:00");
  EXPECT_EQ(input->category, "network");
  EXPECT_EQ(input->criticality, "high");
  EXPECT_EQ(input->sources_searched, "FAQ");
  EXPECT_EQ(input->steps, "connect");
  EXPECT_EQ(input->expected, "works");
  EXPECT_EQ(input->actual, "timeout");
  EXPECT_EQ(input->on_behalf_of, "c@example.com");
  EXPECT_TRUE(input->idempotency_key.empty());
}

TEST(DecodeCreateTicket, MalformedJsonIs400) {
  for (std::string_view text : {"{\"subject\": ", "not json", "{\"a\":1} trailing", ""}) {
    auto input = DecodeCreateTicket(JsonRequest(std::string(text)));
    ASSERT_FALSE(input.ok()) << text;
    EXPECT_EQ(StatusFor(input.error()), 400) << text;
  }
}

TEST(DecodeCreateTicket, NonObjectIs422) {
  auto input = DecodeCreateTicket(JsonRequest(R"([{"subject":"s","body":"b"}])"));
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(StatusFor(input.error()), 422);
}

TEST(DecodeCreateTicket, WrongTypesNameTheField) {
  EXPECT_EQ(FieldOf(DecodeCreateTicket(JsonRequest(R"({"subject":123,"body":"b"})"))), "subject");
  EXPECT_EQ(FieldOf(DecodeCreateTicket(JsonRequest(R"({"subject":"s","body":["b"]})"))), "body");
  EXPECT_EQ(FieldOf(DecodeCreateTicket(JsonRequest(R"({"subject":"s","body":"b","steps":{}})"))),
            "steps");
}

TEST(DecodeCreateTicket, MissingAndUnknownFieldsAreNamed) {
  EXPECT_EQ(FieldOf(DecodeCreateTicket(JsonRequest(R"({"body":"b"})"))), "subject");
  EXPECT_EQ(FieldOf(DecodeCreateTicket(JsonRequest(R"({"subject":"s"})"))), "body");
  auto unknown = DecodeCreateTicket(JsonRequest(R"({"subject":"s","body":"b","subjet":"x"})"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "subjet");
  EXPECT_EQ(StatusFor(unknown.error()), 422);
}

TEST(DecodeCreateTicket, IdempotencyKeyCarriesABodyFingerprint) {
  Request first = JsonRequest(R"({"subject":"s","body":"b"})");
  first.headers.emplace_back("Idempotency-Key", "k-1");
  Request other = first;
  other.body = R"({"subject":"s","body":"c"})";
  auto a = DecodeCreateTicket(first);
  auto again = DecodeCreateTicket(first);
  auto b = DecodeCreateTicket(other);
  ASSERT_TRUE(a.ok() && again.ok() && b.ok());
  EXPECT_EQ(a->idempotency_key, "k-1");
  EXPECT_FALSE(a->fingerprint.empty());
  EXPECT_EQ(a->fingerprint, again->fingerprint);
  EXPECT_NE(a->fingerprint, b->fingerprint);
  first.headers.back().second = std::string(201, 'k');
  EXPECT_EQ(FieldOf(DecodeCreateTicket(first)), "Idempotency-Key");
}

TEST(DecodeCreateTicket, ReadsMultipartFieldsAndAttachments) {
  Request request;
  request.headers.emplace_back("Content-Type", "multipart/form-data; boundary=b");
  request.body =
      "--b\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nS\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nB\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.log\"\r\n"
      "Content-Type: text/plain\r\n\r\nline\r\n--b--\r\n";
  auto input = DecodeCreateTicket(request);
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->subject, "S");
  EXPECT_EQ(input->body, "B");
  ASSERT_EQ(input->attachments.size(), 1u);
  EXPECT_EQ(input->attachments[0].filename, "a.log");
  EXPECT_EQ(input->attachments[0].content_type, "text/plain");
  EXPECT_EQ(input->attachments[0].bytes, "line");
}

TEST(DecodeCreateTicket, OtherContentTypesAre415) {
  Request request = JsonRequest(R"({"subject":"s","body":"b"})");
  request.headers[0].second = "text/xml";
  auto input = DecodeCreateTicket(request);
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(StatusFor(input.error()), 415);
}

TEST(DecodeTicketPatch, ReadsFieldsNullAssigneeAndIfMatch) {
  Request request = JsonRequest(R"({"status":"open","assignee_id":null,"tier":2,"group":null})");
  request.method = "PATCH";
  request.headers.emplace_back("If-Match", "\"7\"");
  auto patch = DecodeTicketPatch(request);
  ASSERT_TRUE(patch.ok()) << patch.error().message;
  EXPECT_EQ(patch->status, core::TicketStatus::kOpen);
  ASSERT_TRUE(patch->assignee.has_value());
  EXPECT_FALSE(patch->assignee->has_value());
  EXPECT_EQ(patch->tier, 2);
  EXPECT_EQ(patch->group, "");
  EXPECT_EQ(patch->expected_version, 7);
  EXPECT_FALSE(patch->subject.has_value());
}

TEST(DecodeTicketPatch, BadValuesNameTheField) {
  EXPECT_EQ(FieldOf(DecodeTicketPatch(JsonRequest(R"({"status":"done"})"))), "status");
  EXPECT_EQ(FieldOf(DecodeTicketPatch(JsonRequest(R"({"criticality":"urgent"})"))), "criticality");
  EXPECT_EQ(FieldOf(DecodeTicketPatch(JsonRequest(R"({"assignee_id":"bob"})"))), "assignee_id");
  EXPECT_EQ(FieldOf(DecodeTicketPatch(JsonRequest(R"({"tier":4})"))), "tier");
  EXPECT_EQ(FieldOf(DecodeTicketPatch(JsonRequest(R"({"number":5})"))), "number");
}

TEST(DecodeTicketPatch, UnmatchableIfMatchIsPreconditionFailed) {
  Request request = JsonRequest(R"({"subject":"s"})");
  request.headers.emplace_back("If-Match", "version-7");
  auto patch = DecodeTicketPatch(request);
  ASSERT_FALSE(patch.ok());
  EXPECT_EQ(StatusFor(patch.error()), 412);
}

TEST(DecodeListTickets, ReadsFiltersAndCursor) {
  auto input = DecodeListTickets(
      "scope=queue&status=new,open&group=support&tier=2"
      "&unassigned=true&limit=25&cursor=" +
      EncodeCursor(99));
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->scope, service::Scope::kQueue);
  EXPECT_EQ(input->statuses,
            (std::vector<core::TicketStatus>{core::TicketStatus::kNew, core::TicketStatus::kOpen}));
  EXPECT_EQ(input->group, "support");
  EXPECT_EQ(input->tier, 2);
  EXPECT_TRUE(input->unassigned_only);
  EXPECT_EQ(input->limit, 25);
  ASSERT_TRUE(input->after.has_value());
  EXPECT_EQ(input->after->value, 99);
}

TEST(DecodeListTickets, BadParametersNameTheField) {
  EXPECT_EQ(FieldOf(DecodeListTickets("scope=everything")), "scope");
  EXPECT_EQ(FieldOf(DecodeListTickets("status=new,later")), "status");
  EXPECT_EQ(FieldOf(DecodeListTickets("cursor=garbage!")), "cursor");
  EXPECT_EQ(FieldOf(DecodeListTickets("limit=0")), "limit");
  EXPECT_EQ(FieldOf(DecodeListTickets("tier=x")), "tier");
  EXPECT_EQ(FieldOf(DecodeListTickets("unassigned=maybe")), "unassigned");
}

TEST(DecodePostMessage, ChecksTypesAndRequiredBody) {
  auto note = DecodePostMessage(JsonRequest(R"({"body":"hi","internal":true})"));
  ASSERT_TRUE(note.ok());
  EXPECT_TRUE(note->internal);
  EXPECT_EQ(FieldOf(DecodePostMessage(JsonRequest(R"({"body":"hi","internal":"yes"})"))),
            "internal");
  EXPECT_EQ(FieldOf(DecodePostMessage(JsonRequest("{}"))), "body");
}

TEST(DecodeFeedback, ChecksRatingAndMessageId) {
  auto feedback = DecodeFeedback(JsonRequest(R"({"rating":5,"comment":"fast","message_id":3})"));
  ASSERT_TRUE(feedback.ok());
  EXPECT_EQ(feedback->rating, 5);
  EXPECT_EQ(feedback->message_id, core::MessageId(3));
  EXPECT_EQ(FieldOf(DecodeFeedback(JsonRequest(R"({"rating":"five"})"))), "rating");
  EXPECT_EQ(FieldOf(DecodeFeedback(JsonRequest(R"({"rating":6})"))), "rating");
  EXPECT_EQ(FieldOf(DecodeFeedback(JsonRequest(R"({"comment":"no rating"})"))), "rating");
  EXPECT_EQ(FieldOf(DecodeFeedback(JsonRequest(R"({"rating":3,"message_id":"m"})"))), "message_id");
}

}  // namespace
}  // namespace hd::http
