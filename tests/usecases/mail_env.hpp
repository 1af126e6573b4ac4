// The mail use cases over the real store and the real codec (GMime): the
// intake, and the outbox's sender with an SMTP stand-in that keeps what it
// is given (the real SMTP server is the integration tests' business) and can
// be told to answer like a server that is down.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "env.hpp"
#include "mail/mime/gmime_codec.hpp"
#include "service/mail/delivery.hpp"
#include "service/mail/intake.hpp"
#include "sla_env.hpp"

namespace hd::testing {

// Keeps every message handed to it; answers kUnavailable while `down`.
class KeepingSender final : public core::ports::MailSender {
 public:
  struct Sent {
    std::string from;
    std::vector<std::string> to;
    std::string raw;
  };
  Result<core::ports::SmtpReceipt> Send(const std::string& from, const std::vector<std::string>& to,
                                        std::string_view raw) override {
    if (down) return Error::Unavailable("421 4.3.2 Service not available");
    sent.push_back({from, to, std::string(raw)});
    return core::ports::SmtpReceipt{250, "250 2.0.0 Ok: queued"};
  }
  Status Check() override { return Ok(); }
  std::string Name() const override { return "smtp://keeping"; }

  bool down = false;
  std::vector<Sent> sent;
};

class MailTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    ASSERT_TRUE(s_->sla_levels.Load(DefaultSlaSources()).ok());
    mail_options_.address = "support@helpdesk.example";
    mail_options_.comment_address = "comment@helpdesk.example";
    mail_options_.base_url = "https://desk.example";
    MakeIntake();
    delivery_ = std::make_unique<service::MailDelivery>(*store_, *blobs_, clock_, codec_, sender_,
                                                        Templates(), mail_options_);
  }

  void MakeIntake() {
    intake_ = std::make_unique<service::MailIntake>(*store_, *blobs_, clock_, codec_, s_->tickets,
                                                    s_->conversation, options_, mail_options_);
  }

  // The shipped templates, as app/ reads them.
  static service::TemplateSet Templates() {
    namespace fs = std::filesystem;
    std::map<std::string, std::string, std::less<>> texts;
    const fs::path root = fs::path(HD_SOURCE_DIR) / "config/defaults/templates/mail";
    for (const char* language : {"ru", "en"}) {
      for (const auto& file : fs::directory_iterator(root / language)) {
        std::ifstream in(file.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        texts[std::string(language) + "/" + file.path().filename().string()] = text.str();
      }
    }
    return service::TemplateSet(std::move(texts));
  }

  service::IngestOutcome Take(const std::string& raw) {
    auto outcome = intake_->Ingest({"test", "", raw, {}});
    EXPECT_TRUE(outcome.ok()) << outcome.error().message;
    return outcome.ok() ? *outcome : service::IngestOutcome{};
  }

  // A plain mail; `extra` are more header lines ending in "\r\n".
  static std::string Mail(const std::string& from, const std::string& subject,
                          const std::string& body, const std::string& message_id,
                          const std::string& extra = "",
                          const std::string& to = "support@helpdesk.example") {
    return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" +
           message_id + ">\r\nDate: Thu, 1 Jan 2026 12:00:00 +0300\r\n" + extra +
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
  }

  service::DeliveryScan Send() {
    auto scan = delivery_->RunOnce(100);
    EXPECT_TRUE(scan.ok()) << scan.error().message;
    return scan.ok() ? *scan : service::DeliveryScan{};
  }

  std::vector<core::Message> Messages(core::TicketId ticket) {
    std::vector<core::Message> out;
    EXPECT_TRUE(store_
                    ->Read([&](core::ports::Tx& tx) -> Status {
                      HD_ASSIGN_OR_RETURN(out, tx.Messages().ListForTicket(ticket, true));
                      return Ok();
                    })
                    .ok());
    return out;
  }

  service::MailOptions mail_options_;
  mail::GMimeCodec codec_;
  KeepingSender sender_;
  std::unique_ptr<service::MailIntake> intake_;
  std::unique_ptr<service::MailDelivery> delivery_;
};

}  // namespace hd::testing
