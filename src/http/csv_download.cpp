#include "http/csv_download.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <utility>

#include "http/event_stream.hpp"
#include "http/handlers/formats.hpp"

namespace hd::http {

// The text read and not yet taken by the connection.
class CsvDownloads::Stream final : public ResponseStream {
 public:
  explicit Stream(std::string head) : buffer_(std::move(head)) {}

  void OnReady(std::function<void()> ready) override {
    std::lock_guard lock(mu_);
    ready_ = std::move(ready);
  }

  std::string Take(bool& ended) override {
    std::string out;
    {
      std::lock_guard lock(mu_);
      out.swap(buffer_);
      ended = finished_;
    }
    room_.notify_all();
    return out;
  }

  // The connection's wake-up holds its executor: let go of it here, since
  // the stream may outlive the connection's I/O context.
  void Close() override {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
      ready_ = nullptr;
    }
    room_.notify_all();
  }

  bool Heartbeats() const override { return false; }

  // Adds `text` once the client has taken enough; false when the
  // connection ended the stream.
  bool Push(std::string text) {
    std::function<void()> ready;
    {
      std::unique_lock lock(mu_);
      room_.wait(lock, [&] { return closed_ || buffer_.size() < kCsvHighWater; });
      if (closed_) return false;
      buffer_ += text;
      ready = ready_;
    }
    if (ready) ready();
    return true;
  }

  void Finish() {
    std::function<void()> ready;
    {
      std::lock_guard lock(mu_);
      finished_ = true;
      ready = ready_;
    }
    if (ready) ready();
  }

  bool done() const {
    std::lock_guard lock(mu_);
    return finished_;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable room_;
  std::string buffer_;
  std::function<void()> ready_;
  bool finished_ = false;
  bool closed_ = false;
};

CsvDownloads::~CsvDownloads() {
  std::lock_guard lock(mu_);
  for (Download& d : downloads_) d.stream->Close();
  for (Download& d : downloads_) d.thread.join();
}

Result<Response> CsvDownloads::Start(const std::string& name, std::string head, std::string cursor,
                                     CsvPager pager) {
  Response response = handlers::CsvResponse({}, name);
  if (cursor.empty()) {
    response.body = std::move(head);
    return response;
  }
  std::lock_guard lock(mu_);
  // Threads of finished downloads are joined here, never left behind.
  for (auto it = downloads_.begin(); it != downloads_.end();) {
    if (!it->stream->done()) {
      ++it;
      continue;
    }
    it->thread.join();
    it = downloads_.erase(it);
  }
  if (static_cast<int>(downloads_.size()) >= kMaxCsvDownloads) {
    return Error::Unavailable("too many downloads at once; try again in a moment");
  }
  auto stream = std::make_shared<Stream>(std::move(head));
  std::thread thread(
      [stream, name, cursor = std::move(cursor), pager = std::move(pager)]() mutable {
        while (!cursor.empty()) {
          auto page = pager(cursor);
          if (!page.ok()) {
            // The header has gone out: the file ends short, and the log says why.
            spdlog::error("download {}.csv ended early: {}", name, page.error().message);
            break;
          }
          if (!stream->Push(std::move(*page))) break;
        }
        stream->Finish();
      });
  downloads_.push_back({stream, std::move(thread)});
  // nginx: pass the text on as it comes instead of buffering the file.
  response.SetHeader("X-Accel-Buffering", "no");
  response.stream = std::move(stream);
  return response;
}

}  // namespace hd::http
