#include "storage/file_blob_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace hd::storage {

namespace {

namespace fs = std::filesystem;

// Disk full and I/O trouble are transient for the caller: retry later.
Error FileError(const std::string& what, int err) {
  return Error::Unavailable(what + ": " + std::strerror(err));
}

// Closes a file descriptor on every path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error a deferred write may surface at close.
  int Close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileError("cannot write " + path, errno);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Ok();
}

Status SyncDirectory(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return FileError("cannot open folder " + dir, errno);
  if (::fsync(fd.get()) != 0) return FileError("cannot sync folder " + dir, errno);
  return Ok();
}

// Writes `bytes` durably to `path` through a temporary file in `dir`.
Status WriteDurably(const std::string& dir, const std::string& path, std::string_view bytes) {
  static std::atomic<unsigned long> counter{0};
  const std::string tmp =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return FileError("cannot create " + tmp, errno);
  Status written = WriteAll(fd.get(), bytes, tmp);
  if (written.ok() && ::fsync(fd.get()) != 0) written = FileError("cannot sync " + tmp, errno);
  if (fd.Close() != 0 && written.ok()) written = FileError("cannot close " + tmp, errno);
  if (written.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) {
    written = FileError("cannot rename " + tmp, errno);
  }
  if (!written.ok()) {
    ::unlink(tmp.c_str());
    return written;
  }
  return SyncDirectory(dir);
}

bool IsSha256Hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

FileBlobStore::FileBlobStore(std::string root) : root_(std::move(root)) {}

std::string FileBlobStore::Sha256Hex(std::string_view bytes) {
  static std::once_flag init;
  std::call_once(init, [] {
    if (sodium_init() < 0) std::abort();  // no usable libsodium: nothing can be hashed
  });
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string FileBlobStore::PathOf(const std::string& sha256) const {
  return (fs::path(root_) / sha256.substr(0, 2) / sha256.substr(2)).string();
}

Result<std::string> FileBlobStore::Put(std::string_view bytes) {
  std::string sha = Sha256Hex(bytes);
  const std::string path = PathOf(sha);
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == bytes.size() && !ec) {
    return sha;  // already stored: content addressing makes Put idempotent
  }
  const std::string dir = (fs::path(root_) / sha.substr(0, 2)).string();
  const bool fresh_root = !fs::exists(root_, ec);
  const bool fresh_dir = !fs::exists(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return FileError("cannot create folder " + dir, ec.value());
  HD_RETURN_IF_ERROR(WriteDurably(dir, path, bytes));
  // New folders must themselves survive a crash: sync their parents too.
  if (fresh_dir) HD_RETURN_IF_ERROR(SyncDirectory(root_));
  if (fresh_root) {
    const fs::path parent = fs::absolute(root_, ec).parent_path();
    HD_RETURN_IF_ERROR(SyncDirectory(parent.string()));
  }
  return sha;
}

Result<std::string> FileBlobStore::Get(const std::string& sha256) {
  if (!IsSha256Hex(sha256)) return Error::NotFound("no blob " + sha256);
  const std::string path = PathOf(sha256);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Error::NotFound("no blob " + sha256);
    return FileError("cannot open " + path, errno);
  }
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileError("cannot read " + path, errno);
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace hd::storage
