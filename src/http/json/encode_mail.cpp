#include "http/json/encode_mail.hpp"

#include <boost/json/value_from.hpp>

namespace hd::http::json {

namespace {

boost::json::value IsoOrNull(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::string(core::FormatIso8601(*t));
}

boost::json::value TicketOrNull(const std::optional<core::TicketId>& id) {
  if (!id) return nullptr;
  return id->value;
}

// The latest poll failed when the error was recorded by it (RecordPoll
// stamps both with the same instant); an older error stays for the record.
bool PollOk(const core::ports::MailboxState& box) {
  return box.last_error.empty() || !box.last_error_at || box.last_error_at != box.last_poll_at;
}

boost::json::value MailboxJson(const core::ports::MailboxState& box) {
  return boost::json::object{
      {"name", box.name},
      {"epoch", box.epoch},
      {"ok", PollOk(box)},
      {"last_poll_at", IsoOrNull(box.last_poll_at)},
      {"last_error", box.last_error},
      {"last_error_at", IsoOrNull(box.last_error_at)},
  };
}

boost::json::value OutboxJson(const core::ports::MailStats& stats) {
  return boost::json::object{
      {"pending", stats.outbox},
      {"oldest_unsent", IsoOrNull(stats.oldest_unsent)},
      {"failed", stats.failed},
      {"last_sent_at", IsoOrNull(stats.last_sent_at)},
      {"last_error", stats.last_delivery_error},
  };
}

boost::json::value InboundJson(const core::ports::InboundRecord& mail) {
  return boost::json::object{
      {"id", mail.id},
      {"source", mail.source},
      {"message_id", mail.message_id},
      {"from", mail.from_address},
      {"subject", mail.subject},
      {"reason", mail.reason},
      {"size", mail.size},
      {"ticket_id", TicketOrNull(mail.ticket_id)},
      {"received_at", core::FormatIso8601(mail.received_at)},
  };
}

boost::json::value FailingJson(const core::ports::FailingAddress& failing) {
  return boost::json::object{
      {"address", failing.address},
      {"reason", failing.reason},
      {"ticket_id", TicketOrNull(failing.ticket_id)},
      {"at", core::FormatIso8601(failing.at)},
  };
}

template <class T, class Fn>
boost::json::array Array(const std::vector<T>& values, Fn to_json) {
  boost::json::array out;
  out.reserve(values.size());
  for (const T& v : values) out.push_back(to_json(v));
  return out;
}

}  // namespace

boost::json::value MailOverviewJson(const service::MailOverview& overview) {
  return boost::json::object{
      {"mailboxes", Array(overview.mailboxes, MailboxJson)},
      {"outbox", OutboxJson(overview.outbox)},
      {"held_total", overview.outbox.held},
      {"held", Array(overview.held, InboundJson)},
      {"bounces", Array(overview.bounces, InboundJson)},
      {"failing_addresses", Array(overview.failing, FailingJson)},
  };
}

boost::json::value ProfileJson(const service::ProfileView& profile) {
  return boost::json::object{
      {"language", profile.language},
      {"time_zone", profile.time_zone},
      {"mail_off", boost::json::value_from(profile.mail_off)},
  };
}

}  // namespace hd::http::json
