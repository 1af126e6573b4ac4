// GET /api/v1/events: the live ticket-event stream as Server-Sent Events
// (text/event-stream). Each ticket event the caller may read is sent as
//
//   id: <event id>
//   data: {"id":…,"ticket_id":…,"actor_id":…,"at":…,"kind":…,"field":…,"old":…,"new":…}
//
// A client resumes after a break with the Last-Event-ID header (browsers'
// EventSource send it by themselves) or ?after=<id>; the stored events after
// it are sent first. `event: reset` tells the client that the gap was too
// long to replay and it should reload what it shows. A comment line
// (": ping") goes out every heartbeat so proxies keep the connection open.
//
// ResponseStream is the socket-free side of a streaming response: the
// handler fills it from the use case's sink (any thread), the connection
// (event_stream_io.hpp) drains it on its strand.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace hd::http {

class ResponseStream {
 public:
  virtual ~ResponseStream() = default;
  // Sets the function called, from any thread, whenever Take() has new text
  // or the stream ended. Called once by the connection before Take().
  virtual void OnReady(std::function<void()> ready) = 0;
  // The text to send now (may be empty); `ended` is set once nothing more
  // will come (the server or the use case ended the stream).
  virtual std::string Take(bool& ended) = 0;
  // Ends the stream from the connection's side (client gone, server
  // draining): the producer stops and releases what it holds.
  virtual void Close() = 0;
  // Whether the connection sends a comment line (": ping") when nothing
  // came for a while, as Server-Sent Events do; a file download sends none.
  virtual bool Heartbeats() const { return true; }
};

struct Context;

namespace handlers {
// GET /api/v1/events
Result<Response> StreamEvents(Context& context);
}  // namespace handlers

}  // namespace hd::http
