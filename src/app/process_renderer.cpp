#include "app/process_renderer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/process_svg.hpp"

extern char** environ;

namespace hd::app {

namespace {

constexpr std::size_t kCacheSize = 256;
constexpr int kTimeoutMs = 20'000;

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

bool WriteBlocked(int fd, const std::string& data);

// Writes all of `data`. A child that exits early must not kill the server
// with SIGPIPE: the signal is blocked on this thread and a pending one taken.
bool WriteAll(int fd, const std::string& data) {
  sigset_t pipe_signal;
  sigset_t previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  const bool written = WriteBlocked(fd, data);
  if (!written) {
    const timespec zero{0, 0};
    (void)sigtimedwait(&pipe_signal, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return written;
}

bool WriteBlocked(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads `fd` to its end within the deadline; false on error or timeout.
bool ReadAll(int fd, std::string& out, std::chrono::steady_clock::time_point deadline) {
  char buffer[16384];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

// Starts `exe process dot-svg` with pipes on its stdin and stdout.
Result<pid_t> Spawn(const std::string& exe, Fd& to_child, Fd& from_child) {
  int in[2];
  int out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) return Error::Unavailable("cannot create a pipe");
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    return Error::Unavailable("cannot create a pipe");
  }
  Fd child_in{in[0]}, child_out{out[1]};
  to_child.fd = in[1];
  from_child.fd = out[0];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_in.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, child_out.fd, 1);
  std::string arg0 = "helpdesk", arg1 = "process", arg2 = "dot-svg";
  char* argv[] = {arg0.data(), arg1.data(), arg2.data(), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Error::Unavailable("cannot start the diagram renderer");
  return pid;
}

Result<std::string> RenderInChild(const std::string& exe, const std::string& dot) {
  Fd to_child, from_child;
  HD_ASSIGN_OR_RETURN(pid_t pid, Spawn(exe, to_child, from_child));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kTimeoutMs);
  const bool written = WriteAll(to_child.fd, dot);
  to_child.Close();
  std::string svg;
  const bool read = written && ReadAll(from_child.fd, svg, deadline);
  if (!read) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!read || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || svg.empty()) {
    return Error::Unavailable("the diagram could not be rendered");
  }
  return svg;
}

}  // namespace

Result<std::string> ChildProcessRenderer::RenderSvg(const std::string& dot) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(dot);
    if (it != cache_.end()) return it->second;
  }
  HD_ASSIGN_OR_RETURN(std::string svg, RenderInChild(executable_, dot));
  const std::lock_guard<std::mutex> lock(mutex_);
  if (cache_.size() >= kCacheSize) cache_.erase(cache_.begin());
  cache_[dot] = svg;
  return svg;
}

int RunDotToSvg() {
  std::string dot((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  auto svg = RenderSvg(dot);
  if (!svg.ok()) {
    std::cerr << "helpdesk: " << svg.error().message << "\n";
    return 1;
  }
  std::cout << *svg;
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace hd::app
