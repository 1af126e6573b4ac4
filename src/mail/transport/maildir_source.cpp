#include "mail/transport/maildir_source.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>
#include <tuple>
#include <utility>

namespace hd::mail {
namespace fs = std::filesystem;
namespace {

// Maildir's info separator: "KEY:2,FLAGS".
constexpr std::string_view kInfo = ":2,";

std::string KeyOf(const std::string& file_name) {
  const size_t at = file_name.find(kInfo);
  return at == std::string::npos ? file_name : file_name.substr(0, at);
}

// The flags of a cur/ file name ("" when it has no info part).
std::string FlagsOf(const std::string& file_name) {
  const size_t at = file_name.find(kInfo);
  return at == std::string::npos ? std::string() : file_name.substr(at + kInfo.size());
}

struct Entry {
  fs::file_time_type time;
  std::string name;
  fs::path path;
};

// The message files of `dir`; `pending` decides which count.
template <class Pred>
Status Collect(const fs::path& dir, Pred pending, std::vector<Entry>& out) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.' || !pending(name)) continue;
    std::error_code stat_error;
    if (!it->is_regular_file(stat_error)) continue;
    const auto time = it->last_write_time(stat_error);
    if (stat_error) continue;  // renamed or deleted meanwhile
    out.push_back({time, name, it->path()});
  }
  if (ec) return Error::Unavailable("cannot read " + dir.string() + ": " + ec.message());
  return Ok();
}

Status Rename(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec == std::errc::no_such_file_or_directory) {
    return Error::NotFound("message file vanished: " + from.string());
  }
  if (ec) return Error::Unavailable("cannot rename " + from.string() + ": " + ec.message());
  return Ok();
}

}  // namespace

MaildirSource::MaildirSource(fs::path folder) : folder_(std::move(folder)) {}

std::string MaildirSource::Name() const { return "maildir:" + folder_.string(); }

Result<std::string> MaildirSource::Epoch() { return std::string(); }

Result<std::vector<std::string>> MaildirSource::ListPending(int limit) {
  std::vector<Entry> entries;
  HD_RETURN_IF_ERROR(Collect(
      folder_ / "new", [](const std::string&) { return true; }, entries));
  HD_RETURN_IF_ERROR(Collect(
      folder_ / "cur",
      [](const std::string& name) { return FlagsOf(name).find('S') == std::string::npos; },
      entries));
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.time, a.name) < std::tie(b.time, b.name);
  });
  std::vector<std::string> keys;
  seen_at_.clear();
  for (Entry& entry : entries) {
    if (keys.size() >= static_cast<size_t>(std::max(limit, 0))) break;
    std::string key = KeyOf(entry.name);
    if (!seen_at_.emplace(key, std::move(entry.path)).second) continue;  // in new/ and cur/
    keys.push_back(std::move(key));
  }
  return keys;
}

Result<fs::path> MaildirSource::Locate(const std::string& key) {
  if (key.empty() || key.front() == '.' || key.find('/') != std::string::npos) {
    return Error::InvalidArgument("not a Maildir key: \"" + key + "\"", "key");
  }
  std::error_code ec;
  if (auto it = seen_at_.find(key); it != seen_at_.end() && fs::is_regular_file(it->second, ec)) {
    return it->second;
  }
  if (fs::is_regular_file(folder_ / "new" / key, ec)) return folder_ / "new" / key;
  for (fs::directory_iterator it(folder_ / "cur", ec), end; !ec && it != end; it.increment(ec)) {
    if (KeyOf(it->path().filename().string()) == key) return it->path();
  }
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Error::Unavailable("cannot read " + (folder_ / "cur").string() + ": " + ec.message());
  }
  return Error::NotFound(Name() + ": no message " + key);
}

Result<std::string> MaildirSource::Fetch(const std::string& key) {
  // A mail client may rename the file between Locate and open: look twice.
  for (int attempt = 0; attempt < 2; ++attempt) {
    HD_ASSIGN_OR_RETURN(fs::path path, Locate(key));
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
      seen_at_.erase(key);
      continue;
    }
    // A file in a Maildir is complete (delivered through tmp/): read it
    // whole into a string of its size.
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) return Error::Unavailable("cannot read " + path.string());
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
  }
  return Error::NotFound(Name() + ": message " + key + " vanished");
}

Status MaildirSource::MarkDone(const std::string& key) {
  HD_ASSIGN_OR_RETURN(fs::path path, Locate(key));
  seen_at_.erase(key);
  const std::string name = path.filename().string();
  std::string flags = FlagsOf(name);
  const bool in_new = path.parent_path().filename() == "new";
  if (!in_new && flags.find('S') != std::string::npos) return Ok();
  flags.push_back('S');
  std::sort(flags.begin(), flags.end());  // Maildir keeps flags in ASCII order
  return Rename(path, folder_ / "cur" / (KeyOf(name) + std::string(kInfo) + flags));
}

Status MaildirSource::Check() {
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    fs::directory_iterator it(folder_ / sub, ec);
    if (ec) {
      return Error::Unavailable(Name() + ": cannot read " + sub + "/: " + ec.message());
    }
  }
  return Ok();
}

}  // namespace hd::mail
