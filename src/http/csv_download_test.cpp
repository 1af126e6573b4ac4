#include "http/csv_download.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/event_stream.hpp"

namespace hd::http {
namespace {

// Takes everything a download's stream gives until it ends, the way the
// connection does: waiting to be told there is more.
std::string Drain(ResponseStream& stream) {
  std::mutex mu;
  std::condition_variable cv;
  bool woken = false;
  stream.OnReady([&] {
    std::lock_guard lock(mu);
    woken = true;
    cv.notify_all();
  });
  std::string all;
  for (;;) {
    bool ended = false;
    all += stream.Take(ended);
    if (ended) return all;
    std::unique_lock lock(mu);
    cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return woken; });
    woken = false;
  }
}

// Whether a stream the connection closed says it ended within `limit`: its
// reader has then finished and reads nothing more.
bool EndsWithin(ResponseStream& stream, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    bool ended = false;
    stream.Take(ended);
    if (ended) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// A pager of `pages` pages of `lines` numbered lines each.
CsvPager Numbered(int pages, int lines, std::atomic<int>& reads) {
  return [pages, lines, &reads](std::string& cursor) -> Result<std::string> {
    const int page = std::stoi(cursor);
    ++reads;
    std::string text;
    for (int i = 0; i < lines; ++i) text += std::to_string(page * lines + i) + "\r\n";
    cursor = page + 1 < pages ? std::to_string(page + 1) : "";
    return text;
  };
}

TEST(CsvDownload, AOnePageFileIsAnOrdinaryAnswer) {
  CsvDownloads downloads;
  std::atomic<int> reads = 0;
  auto response = downloads.Start("audit", "id\r\n1\r\n", "", Numbered(1, 1, reads));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->stream, nullptr);
  EXPECT_EQ(response->body, "id\r\n1\r\n");
  EXPECT_EQ(reads, 0);
  EXPECT_NE(response->Header("Content-Disposition").value_or("").find("audit.csv"),
            std::string::npos);
}

TEST(CsvDownload, EveryPageArrivesOnceInOrderAfterTheHead) {
  CsvDownloads downloads;
  std::atomic<int> reads = 0;
  // 200 pages of 1,000 lines: several megabytes, more than the stream holds.
  auto response = downloads.Start("breaches", "n\r\n", "1", Numbered(200, 1000, reads));
  ASSERT_TRUE(response.ok());
  ASSERT_NE(response->stream, nullptr);
  EXPECT_TRUE(response->body.empty());
  EXPECT_FALSE(response->stream->Heartbeats());
  const std::string all = Drain(*response->stream);
  std::string expected = "n\r\n";
  for (int i = 1000; i < 200 * 1000; ++i) expected += std::to_string(i) + "\r\n";
  EXPECT_EQ(all, expected);
  EXPECT_EQ(reads, 199);
}

TEST(CsvDownload, TheReaderWaitsForTheClientAndStopsWhenItLeaves) {
  CsvDownloads downloads;
  std::atomic<int> reads = 0;
  auto response = downloads.Start("big", "n\r\n", "0", Numbered(100'000, 1000, reads));
  ASSERT_TRUE(response.ok());
  // Nobody takes anything: the reader stops once the stream is full.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const int read_while_waiting = reads;
  EXPECT_LT(read_while_waiting, 100);
  bool ended = false;
  const std::string taken = response->stream->Take(ended);
  EXPECT_FALSE(ended);
  EXPECT_LT(taken.size(), kCsvHighWater + 20'000);
  response->stream->Close();
  // The reader ends (the stream says so) and reads no page after that.
  EXPECT_TRUE(EndsWithin(*response->stream, std::chrono::seconds(10)));
  const int after_close = reads;
  EXPECT_LT(after_close, read_while_waiting + 100);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(reads, after_close);
}

TEST(CsvDownload, AFailingPageEndsTheFileShort) {
  CsvDownloads downloads;
  auto pager = [](std::string& cursor) -> Result<std::string> {
    if (cursor == "2") return Error::Unavailable("database busy");
    cursor = "2";
    return std::string("second\r\n");
  };
  auto response = downloads.Start("short", "first\r\n", "1", pager);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(Drain(*response->stream), "first\r\nsecond\r\n");
}

TEST(CsvDownload, TooManyAtOnceAreRefusedForAMoment) {
  CsvDownloads downloads;
  std::atomic<int> reads = 0;
  std::vector<Response> running;
  for (int i = 0; i < kMaxCsvDownloads; ++i) {
    auto response = downloads.Start("big", "n\r\n", "0", Numbered(100'000, 1000, reads));
    ASSERT_TRUE(response.ok());
    running.push_back(std::move(*response));
  }
  auto refused = downloads.Start("big", "n\r\n", "0", Numbered(100'000, 1000, reads));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  // One ends: there is room again. (The rest are ended with `downloads`.)
  running.front().stream->Close();
  EXPECT_TRUE(EndsWithin(*running.front().stream, std::chrono::seconds(10)));
  EXPECT_TRUE(downloads.Start("big", "n\r\n", "0", Numbered(2, 1, reads)).ok());
}

}  // namespace
}  // namespace hd::http
