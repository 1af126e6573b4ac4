#include "http/event_stream_io.hpp"

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <memory>

#include "http/event_stream.hpp"
#include "http/security_headers.hpp"

namespace hd::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::string_view kHeartbeat = ": ping\n\n";

// What the writer and the peer watcher share, on the connection's strand.
struct Watch {
  explicit Watch(const asio::any_io_executor& executor) : wake(executor), gone(executor) {}
  asio::steady_timer wake;  // cancelled when there is text or the peer left
  asio::steady_timer gone;  // cancelled when the watcher has finished
  bool peer_closed = false;
  bool watcher_done = false;
};

// Reads (and drops) whatever the client sends until it closes; then wakes
// the writer.
asio::awaitable<void> WatchPeer(beast::tcp_stream& stream, std::shared_ptr<Watch> watch) {
  std::array<char, 512> sink;
  for (;;) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kUseTuple);
    if (ec) break;
  }
  watch->peer_closed = true;
  watch->watcher_done = true;
  watch->wake.cancel();
  watch->gone.cancel();
}

asio::awaitable<bool> WriteHeader(beast::tcp_stream& stream, const Response& response,
                                  const Request& request, const ServerOptions& options) {
  bhttp::response<bhttp::empty_body> header{static_cast<bhttp::status>(response.status), 11};
  for (const auto& [name, value] : response.headers) header.insert(name, value);
  header.set(bhttp::field::server, "helpdesk");
  header.set("X-Request-Id", request.id);
  header.keep_alive(false);
  header.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{header};
  stream.expires_after(options.request_timeout);
  auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, kUseTuple);
  co_return !ec;
}

asio::awaitable<bool> WriteChunk(beast::tcp_stream& stream, std::string_view text,
                                 const ServerOptions& options) {
  stream.expires_after(options.request_timeout);
  auto [ec, n] =
      co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(text)), kUseTuple);
  co_return !ec;
}

}  // namespace

asio::awaitable<void> ServeStream(beast::tcp_stream& stream, Response response,
                                  const Request& request, ServerContext& context, bool& busy) {
  AddSecurityHeaders(response);
  const ServerOptions& options = context.options;
  std::shared_ptr<ResponseStream> body = response.stream;
  auto executor = co_await asio::this_coro::executor;
  auto watch = std::make_shared<Watch>(executor);
  std::weak_ptr<Watch> weak = watch;
  body->OnReady([executor, weak] {
    asio::post(executor, [weak] {
      if (auto w = weak.lock()) w->wake.cancel();
    });
  });
  bool open = co_await WriteHeader(stream, response, request, options);
  const bool watching = open;
  if (watching) {
    stream.expires_never();  // the watcher's read waits as long as the stream lasts
    asio::co_spawn(executor, WatchPeer(stream, watch), asio::detached);
  }
  while (open && !watch->peer_closed && !context.draining.load()) {
    bool ended = false;
    std::string text = body->Take(ended);
    if (!text.empty()) open = co_await WriteChunk(stream, text, options);
    if (ended || !open) break;
    watch->wake.expires_after(kStreamHeartbeat);
    busy = false;
    auto [ec] = co_await watch->wake.async_wait(kUseTuple);
    busy = true;
    if (!ec && body->Heartbeats() && !watch->peer_closed && !context.draining.load()) {
      open = co_await WriteChunk(stream, kHeartbeat, options);
    }
  }
  body->Close();
  if (open && !watch->peer_closed) {
    stream.expires_after(options.request_timeout);
    co_await asio::async_write(stream, bhttp::make_chunk_last(), kUseTuple);
  }
  // The watcher must be done with the stream before the caller closes it.
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream.socket().cancel(ignored);
  while (watching && !watch->watcher_done) {
    watch->gone.expires_after(std::chrono::seconds(5));
    co_await watch->gone.async_wait(kUseTuple);
  }
}

}  // namespace hd::http
