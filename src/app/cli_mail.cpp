// helpdesk mail parse FILE | mail ingest | mail check
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/cli.hpp"
#include "app/mail_channel.hpp"
#include "app/runtime.hpp"
#include "mail/mime/gmime_codec.hpp"
#include "mail/mime/mail_json.hpp"

namespace hd::app {

namespace {

// sysexits.h, as an MTA's pipe expects them.
constexpr int kExTempFail = 75;
constexpr int kExDataErr = 65;

struct MailFlags {
  CommonFlags common;
  std::string file;
  std::string source = "pipe";
  std::string category;
  std::string group;
};

int Parse(const MailFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + f.file, "FILE"));
  std::ostringstream raw;
  raw << in.rdbuf();
  const mail::GMimeCodec codec;
  std::cout << mail::ParseJson(codec.Parse(raw.str())) << "\n";
  return 0;
}

// Reads one message on standard input for an MTA's pipe (Postfix `pipe`,
// Exim): 0 taken, 75 try again later, 65 refused; the reason on stderr.
int Ingest(const MailFlags& f) {
  std::string raw{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  if (!std::cin.eof() && std::cin.fail()) {
    std::cerr << "helpdesk: cannot read the message on standard input\n";
    return kExTempFail;
  }
  auto config = ResolveConfig(f.common);
  if (!config.ok()) return Fail(config.error());
  SetUpLogging(*config);
  const auto temporary = [](const Error& e) {
    std::cerr << "helpdesk: " << e.message << " (try again later)\n";
    return kExTempFail;
  };
  auto runtime = OpenRuntime(*config);
  if (!runtime.ok()) return temporary(runtime.error());
  if (auto loaded = LoadDirectoryDefaults(*config, **runtime); !loaded.ok()) {
    return temporary(loaded.error());
  }
  auto channel = OpenMailChannel(*config, **runtime);
  if (!channel.ok()) return Fail(channel.error());
  auto outcome = (*channel)->intake->Ingest({f.source, "", std::move(raw), {f.category, f.group}});
  if (!outcome.ok()) return temporary(outcome.error());
  const service::IngestOutcome& o = *outcome;
  if (o.status == core::ports::InboundStatus::kRejected) {
    std::cerr << "helpdesk: refused: " << o.reason << "\n";
    return kExDataErr;
  }
  std::cerr << "helpdesk: " << core::ports::ToString(o.status)
            << (o.duplicate ? " (received before)" : "")
            << (o.ticket ? " ticket #" + std::to_string(o.ticket_number) : std::string())
            << (o.reason.empty() ? "" : ": " + o.reason) << "\n";
  return 0;
}

// Connects to every configured server and says what works: 0 when all do.
int Check(const MailFlags& f) {
  auto config = ResolveConfig(f.common);
  if (!config.ok()) return Fail(config.error());
  SetUpLogging(*config);
  auto runtime = OpenRuntime(*config);
  if (!runtime.ok()) return Fail(runtime.error());
  auto channel = OpenMailChannel(*config, **runtime);
  if (!channel.ok()) return Fail(channel.error());
  int failed = 0;
  const auto report = [&](const std::string& what, const Status& status) {
    std::cout << (status.ok() ? "ok      " : "FAILED  ") << what
              << (status.ok() ? "" : ": " + status.error().message) << "\n";
    if (!status.ok()) ++failed;
  };
  for (auto& box : (*channel)->mailboxes)
    report("mailbox " + box.source->Name(), box.source->Check());
  if ((*channel)->sender) {
    report("smtp " + (*channel)->sender->Name(), (*channel)->sender->Check());
  } else {
    std::cout << "none    smtp: mail.smtp.url is not set, no mail is sent\n";
  }
  if ((*channel)->mailboxes.empty()) {
    std::cout << "none    mailboxes: mail.imap and mail.maildir are empty\n";
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace

void AddMailCommands(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<MailFlags>();
  auto* mail = app.add_subcommand("mail", "the e-mail channel")->require_subcommand(1);
  auto* parse = mail->add_subcommand("parse", "print one message as JSON (for inspection)");
  parse->add_option("FILE", f->file, "an RFC 5322 message")->required();
  parse->callback([f, &exit_code] { exit_code = Parse(*f); });
  auto* ingest = mail->add_subcommand(
      "ingest", "take one message on standard input (an MTA pipe): exit 0, 75 or 65");
  ingest->add_option("--source", f->source, "name recorded as the message's source (pipe)");
  ingest->add_option("--category", f->category, "category of a ticket it opens");
  ingest->add_option("--group", f->group, "staff group of a ticket it opens");
  AddCommonFlags(*ingest, f->common);
  ingest->callback([f, &exit_code] { exit_code = Ingest(*f); });
  auto* check = mail->add_subcommand("check", "connect to every configured mail server");
  AddCommonFlags(*check, f->common);
  check->callback([f, &exit_code] { exit_code = Check(*f); });
}

}  // namespace hd::app
