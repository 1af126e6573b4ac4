#include "mail/transport/imap_source.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "mail/transport/curl_session.hpp"
#include "mail/transport/imap_protocol.hpp"

namespace hd::mail {
namespace {

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool SameNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

Status StatusOf(Result<std::string> result) {
  if (!result.ok()) return std::move(result).error();
  return Ok();
}

Status CheckDoneOptions(const MailboxOptions& options, const std::string& folder) {
  if (options.done == "flag") {
    if (!imap::IsKeyword(options.done_flag)) {
      return Error::InvalidArgument("not an IMAP keyword (an atom such as $HelpdeskDone)",
                                    "done_flag");
    }
  } else if (options.done == "move") {
    if (options.done_folder.empty() || HasControl(options.done_folder) ||
        options.done_folder == folder) {
      return Error::InvalidArgument("the done folder must be another folder", "done_folder");
    }
  } else {
    return Error::InvalidArgument("done must be \"flag\" or \"move\"", "done");
  }
  return Ok();
}

}  // namespace

struct ImapSource::Impl {
  MailboxOptions options;
  ServerUrl server;
  std::string folder_wire;  // the folder's name on the wire (modified UTF-7)
  std::string folder_url;   // the URL that selects the folder
  CurlSession session;
  std::optional<std::vector<std::string>> capabilities;
  bool done_folder_ready = false;

  Impl(MailboxOptions o, ServerUrl s, ConnectionSettings settings)
      : options(std::move(o)), server(std::move(s)), session(std::move(settings)) {
    folder_wire = imap::EncodeMailboxName(server.path);
    folder_url = server.Origin() + "/" + EscapePathSegment(folder_wire);
  }

  std::string Name() const { return server.Name(); }

  // Runs one command on the selected folder (libcurl logs in and selects
  // first when needed); returns the untagged responses.
  CurlOutcome Run(const std::string& command) {
    session.Prepare(folder_url);
    const std::string request = imap::CustomRequest(command);
    curl_easy_setopt(session.handle(), CURLOPT_CUSTOMREQUEST, request.c_str());
    return session.Perform();
  }

  Result<std::string> Command(const std::string& command, std::string_view action) {
    CurlOutcome out = Run(command);
    if (!out.ok()) return MailboxError(Name(), action, out);
    return std::move(out.body);
  }

  Result<bool> HasCapability(std::string_view name) {
    if (!capabilities) {
      HD_ASSIGN_OR_RETURN(std::string response, Command("CAPABILITY", "asking capabilities"));
      capabilities = imap::ParseCapabilities(response);
    }
    return std::find(capabilities->begin(), capabilities->end(), name) != capabilities->end();
  }

  Status EnsureDoneFolder(const std::string& wire) {
    if (done_folder_ready) return Ok();
    CurlOutcome out = Run("CREATE " + imap::Quote(wire));
    const bool exists = out.refusal.find("ALREADYEXISTS") != std::string::npos ||
                        out.refusal.find("already exists") != std::string::npos;
    if (!out.ok() && !exists) return MailboxError(Name(), "creating the done folder", out);
    // Subscribed, so mail clients show it; a server without subscriptions is fine.
    (void)Run("SUBSCRIBE " + imap::Quote(wire));
    done_folder_ready = true;
    return Ok();
  }

  Status MoveToDoneFolder(const std::string& uid) {
    const std::string wire = imap::EncodeMailboxName(options.done_folder);
    HD_RETURN_IF_ERROR(EnsureDoneFolder(wire));
    HD_ASSIGN_OR_RETURN(bool can_move, HasCapability("MOVE"));
    if (options.use_uid_move && can_move) {
      return StatusOf(Command("UID MOVE " + uid + " " + imap::Quote(wire), "moving a message"));
    }
    HD_RETURN_IF_ERROR(Command("UID COPY " + uid + " " + imap::Quote(wire), "copying a message"));
    HD_RETURN_IF_ERROR(
        Command("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)", "deleting a message"));
    HD_ASSIGN_OR_RETURN(bool uidplus, HasCapability("UIDPLUS"));
    // Without UIDPLUS, EXPUNGE also removes what others marked \Deleted: the
    // folder is the help desk's to manage.
    return StatusOf(Command(uidplus ? "UID EXPUNGE " + uid : std::string("EXPUNGE"), "expunging"));
  }
};

Result<std::unique_ptr<ImapSource>> ImapSource::Create(MailboxOptions options) {
  HD_ASSIGN_OR_RETURN(ServerUrl server, ParseServerUrl(options.url, {"imap", "imaps"}));
  if (server.path.empty()) server.path = "INBOX";
  if (HasControl(server.path)) return Error::InvalidArgument("bad folder name", "url");
  HD_RETURN_IF_ERROR(CheckDoneOptions(options, server.path));
  HD_ASSIGN_OR_RETURN(ConnectionSettings settings, MailboxSettings(options, server, "imap,imaps"));
  auto impl = std::make_unique<Impl>(std::move(options), std::move(server), std::move(settings));
  return std::unique_ptr<ImapSource>(new ImapSource(std::move(impl)));
}

ImapSource::ImapSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ImapSource::~ImapSource() = default;

std::string ImapSource::Name() const { return impl_->Name(); }

Result<std::string> ImapSource::Epoch() {
  HD_ASSIGN_OR_RETURN(std::string response,
                      impl_->Command("STATUS " + imap::Quote(impl_->folder_wire) + " (UIDVALIDITY)",
                                     "reading UIDVALIDITY"));
  auto validity = imap::ParseStatusItem(response, "UIDVALIDITY");
  if (!validity) return Error::Unavailable(Name() + ": the server sent no UIDVALIDITY");
  return *validity;
}

Result<std::vector<std::string>> ImapSource::ListPending(int limit) {
  std::vector<std::string> keys;
  if (limit <= 0) return keys;
  std::string search = "UID SEARCH UNDELETED";
  if (impl_->options.done == "flag") search += " UNKEYWORD " + impl_->options.done_flag;
  HD_ASSIGN_OR_RETURN(std::string response, impl_->Command(search, "listing messages"));
  for (std::uint32_t uid : imap::ParseSearch(response)) {
    if (keys.size() >= static_cast<size_t>(limit)) break;
    keys.push_back(std::to_string(uid));
  }
  return keys;
}

Result<std::string> ImapSource::Fetch(const std::string& key) {
  auto uid = imap::ParseUid(key);
  if (!uid) return Error::InvalidArgument("not an IMAP UID: \"" + key + "\"", "key");
  const std::string id = std::to_string(*uid);
  HD_ASSIGN_OR_RETURN(std::string response,
                      impl_->Command("UID FETCH " + id + " (FLAGS)", "reading flags"));
  auto flags = imap::ParseFetchFlags(response, *uid);
  if (!flags) return Error::NotFound(Name() + ": no message with UID " + id);
  const bool seen = std::any_of(flags->begin(), flags->end(),
                                [](const std::string& f) { return SameNoCase(f, "\\Seen"); });

  impl_->session.Prepare(impl_->folder_url + "/;UID=" + id);
  CurlOutcome out = impl_->session.Perform();
  if (!out.ok()) return MailboxError(Name(), "fetching UID " + id, out);
  if (!seen) {
    // libcurl fetches BODY[], which sets \Seen; a failure to take it off
    // again costs a person a bold line, not the message.
    (void)impl_->Command("UID STORE " + id + " -FLAGS.SILENT (\\Seen)", "restoring unread");
  }
  return std::move(out.body);
}

Status ImapSource::MarkDone(const std::string& key) {
  auto uid = imap::ParseUid(key);
  if (!uid) return Error::InvalidArgument("not an IMAP UID: \"" + key + "\"", "key");
  const std::string id = std::to_string(*uid);
  if (impl_->options.done == "move") return impl_->MoveToDoneFolder(id);
  return StatusOf(impl_->Command(
      "UID STORE " + id + " +FLAGS.SILENT (" + impl_->options.done_flag + ")", "flagging done"));
}

Status ImapSource::Check() { return StatusOf(impl_->Command("NOOP", "checking the folder")); }

}  // namespace hd::mail
