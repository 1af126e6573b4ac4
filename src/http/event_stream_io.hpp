// Sending a streaming response (Server-Sent Events) on a connection: the
// socket half of http/event_stream.hpp. Internal to http/ (connection.cpp):
// it includes Asio and Beast.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>

#include "http/connection.hpp"
#include "http/message.hpp"

namespace hd::http {

// How often a comment line is sent on an otherwise quiet stream, so that
// proxies and clients see the connection alive.
inline constexpr std::chrono::seconds kStreamHeartbeat{15};

// Writes `response`'s header (chunked), then the text of response.stream as
// it becomes ready, a heartbeat comment when quiet, until the stream ends,
// the client closes or a write fails, or the server drains (`busy` is false
// while the coroutine waits, so a drain may close the socket). Closes the
// stream before returning. The socket's executor must be a strand.
boost::asio::awaitable<void> ServeStream(boost::beast::tcp_stream& stream, Response response,
                                         const Request& request, ServerContext& context,
                                         bool& busy);

}  // namespace hd::http
