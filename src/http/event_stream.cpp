// The socket-free half of GET /api/v1/events: the handler that subscribes
// the caller, and the stream that turns events into Server-Sent Events text.
#include "http/event_stream.hpp"

#include <boost/json/serialize.hpp>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "http/auth.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/query.hpp"
#include "service/event_stream.hpp"

namespace hd::http {

namespace {

// Text waiting for a slow client at most; beyond it the stream ends and the
// client resumes by id once it has caught up.
constexpr std::size_t kMaxPending = 1 << 20;
// What a new stream sends first: the client's reconnection delay and a
// comment, so that it sees the stream open at once.
constexpr std::string_view kOpening = "retry: 2000\n: live ticket events\n\n";

std::string FormatEvents(const std::vector<core::Event>& events) {
  std::string text;
  for (const core::Event& e : events) {
    text += "id: " + std::to_string(e.id.value) + "\ndata: ";
    text += boost::json::serialize(boost::json::value_from(e));
    text += "\n\n";
  }
  return text;
}

// Whether the credentials a stream was opened with still stand for the
// same user in the same role, asked before each delivery: a session that
// logged out or expired, or a user disabled or given another role, is sent
// nothing more once the auth cache (auth.cache_seconds) has let it go.
class CredentialCheck {
 public:
  CredentialCheck(service::Accounts& accounts, const Request& request, const core::User& user)
      : accounts_(accounts), request_(CopyCredentials(request)), user_(user) {}

  bool StillValid() {
    if (!valid_) return false;
    auto principal = Authenticate(accounts_, request_);
    valid_ = principal.ok() && principal->user.id == user_.id && principal->user.role == user_.role;
    return valid_;
  }

 private:
  // Only what Authenticate reads: the cookie and Authorization headers.
  static Request CopyCredentials(const Request& request) {
    Request copy;
    for (const char* name : {"Cookie", "Authorization"}) {
      if (auto value = request.Header(name)) copy.headers.emplace_back(name, std::string(*value));
    }
    return copy;
  }

  service::Accounts& accounts_;
  const Request request_;
  const core::User user_;
  bool valid_ = true;
};

// Filled by the use case's sink (feed thread, or the request's worker for
// the replay), drained by the connection.
class SseStream final : public ResponseStream {
 public:
  SseStream() : pending_(kOpening) {}
  ~SseStream() override { Release(); }
  SseStream(const SseStream&) = delete;
  SseStream& operator=(const SseStream&) = delete;

  void Attach(std::unique_ptr<service::EventStreamSubscription> subscription) {
    std::lock_guard lock(mu_);
    subscription_ = std::move(subscription);
  }

  // Queues `text`; ends the stream when the client has fallen too far behind.
  void Append(std::string text) {
    Update([&] {
      if (pending_.size() + text.size() > kMaxPending) {
        ended_ = true;
      } else {
        pending_ += text;
      }
    });
  }

  void End() {
    Update([&] { ended_ = true; });
  }

  void OnReady(std::function<void()> ready) override {
    std::lock_guard lock(mu_);
    ready_ = std::move(ready);
  }

  std::string Take(bool& ended) override {
    std::lock_guard lock(mu_);
    ended = ended_;
    return std::exchange(pending_, std::string());
  }

  void Close() override {
    Update([&] { ended_ = true; });
    Release();
  }

 private:
  template <class Fn>
  void Update(Fn change) {
    std::function<void()> ready;
    {
      std::lock_guard lock(mu_);
      if (ended_) return;
      change();
      ready = ready_;
    }
    if (ready) ready();
  }

  // Ends the subscription outside mu_: ending it waits for a sink call in
  // progress, which may be waiting for mu_.
  void Release() {
    std::unique_ptr<service::EventStreamSubscription> subscription;
    {
      std::lock_guard lock(mu_);
      subscription = std::move(subscription_);
    }
  }

  std::mutex mu_;
  std::string pending_;                                             // guarded by mu_
  bool ended_ = false;                                              // guarded by mu_
  std::function<void()> ready_;                                     // guarded by mu_
  std::unique_ptr<service::EventStreamSubscription> subscription_;  // guarded by mu_
};

// The id to resume after: the Last-Event-ID header, else ?after=; none for
// a fresh stream.
Result<std::optional<core::EventId>> ResumePoint(const Request& request) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  if (auto header = request.Header("Last-Event-ID"); header && !header->empty()) {
    HD_ASSIGN_OR_RETURN(std::int64_t id, ParseIntParam(*header, "Last-Event-ID", 0, kMax));
    return std::optional<core::EventId>(core::EventId(id));
  }
  HD_ASSIGN_OR_RETURN(QueryParams query, ParseQuery(request.query));
  if (auto after = query.Get("after")) {
    HD_ASSIGN_OR_RETURN(std::int64_t id, ParseIntParam(*after, "after", 0, kMax));
    return std::optional<core::EventId>(core::EventId(id));
  }
  return std::optional<core::EventId>();
}

}  // namespace

namespace handlers {

Result<Response> StreamEvents(Context& context) {
  HD_ASSIGN_OR_RETURN(auto after, ResumePoint(context.request));
  Response response;
  response.status = 200;
  response.SetHeader("Content-Type", "text/event-stream");
  response.SetHeader("Cache-Control", "no-store");
  // HEAD asks for the header alone: nothing is subscribed, nothing streams.
  if (context.request.method == "HEAD") return response;
  auto stream = std::make_shared<SseStream>();
  SseStream* raw = stream.get();  // the subscription, owned by the stream, ends first
  // Sinks are never called two at once for one subscription: the check
  // needs no lock of its own.
  auto credentials = std::make_shared<CredentialCheck>(context.services().accounts, context.request,
                                                       context.principal->user);
  service::EventStreamSink sink;
  sink.events = [raw, credentials](const std::vector<core::Event>& events) {
    if (!credentials->StillValid()) return raw->End();
    raw->Append(FormatEvents(events));
  };
  sink.reset = [raw] { raw->Append("event: reset\ndata: {}\n\n"); };
  sink.lost = [raw] { raw->End(); };
  HD_ASSIGN_OR_RETURN(auto subscription,
                      context.services().events.Subscribe(context.actor(), after, std::move(sink)));
  stream->Attach(std::move(subscription));
  // nginx: pass each event on at once instead of buffering the response.
  response.SetHeader("X-Accel-Buffering", "no");
  response.stream = std::move(stream);
  return response;
}

}  // namespace handlers

}  // namespace hd::http
