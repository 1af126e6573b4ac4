// JSON of the mail channel as administrators see it (GET /api/v1/admin/mail)
// and of a person's mail preferences (GET and PATCH /api/v1/me). Times are
// UTC ISO-8601 or null; text that is absent is "". Includes Boost.JSON: for
// http/ .cpp files only. Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>

#include "service/mail/mail_admin.hpp"
#include "service/profile.hpp"

namespace hd::http::json {

// {mailboxes: [{name, epoch, ok, last_poll_at, last_error, last_error_at}],
//  outbox: {pending, oldest_unsent, failed, last_sent_at, last_error},
//  held_total, held: [InboundMail], bounces: [InboundMail],
//  failing_addresses: [{address, reason, ticket_id, at}]}
// where InboundMail is {id, source, message_id, from, subject, reason, size,
// ticket_id, received_at}.
boost::json::value MailOverviewJson(const service::MailOverview& overview);

// {language, time_zone, mail_off}: the values in force (defaults filled in).
boost::json::value ProfileJson(const service::ProfileView& profile);

}  // namespace hd::http::json
