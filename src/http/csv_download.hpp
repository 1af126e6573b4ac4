// CSV downloads written while they are read (the audit log, the breaches
// report): the handler reads the first page itself, so a refusal is still an
// ordinary problem answer; when there is more, a thread of the download reads
// the rest a page at a time and hands the text to the connection, waiting
// while the client has not taken what was read. A download of any size so
// holds at most about kCsvHighWater bytes. At most kMaxCsvDownloads run at
// once per server (503 with Retry-After beyond). Thread-safe.
#pragma once

#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/error.hpp"
#include "http/message.hpp"

namespace hd::http {

// Reads the page at `cursor` and returns its CSV lines, setting `cursor` to
// the next page's ("" after the last). Called on the download's thread.
using CsvPager = std::function<Result<std::string>(std::string& cursor)>;

inline constexpr int kMaxCsvDownloads = 8;
inline constexpr std::size_t kCsvHighWater = 256 * 1024;

class CsvDownloads {
 public:
  CsvDownloads() = default;
  // Ends every download still running and waits for its thread.
  ~CsvDownloads();
  CsvDownloads(const CsvDownloads&) = delete;
  CsvDownloads& operator=(const CsvDownloads&) = delete;

  // The response for the file `name`.csv: `head` (the header line and the
  // first page), then, while `cursor` is not empty, the pages `pager` reads
  // from it. kUnavailable when kMaxCsvDownloads are running.
  Result<Response> Start(const std::string& name, std::string head, std::string cursor,
                         CsvPager pager);

 private:
  class Stream;
  struct Download {
    std::shared_ptr<Stream> stream;
    std::thread thread;
  };

  std::mutex mu_;
  std::list<Download> downloads_;
};

}  // namespace hd::http
