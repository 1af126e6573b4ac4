// Decoding of request inputs into use-case inputs, strict and pure: every
// malformed body, wrong type, missing or unknown field becomes an Error that
// names the field (problem+json `field`). Thread-safe.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"
#include "service/conversation.hpp"
#include "service/tickets.hpp"

namespace hd::http {

// POST /tickets as JSON {subject, body, category?, criticality?,
// sources_searched?, steps?, expected?, actual?, on_behalf_of?, coupon?,
// channel?} or as
// multipart/form-data with the same text fields plus "attachments" file
// parts. Also takes Idempotency-Key (at most 200 characters) and the body's
// SHA-256 as the fingerprint.
Result<service::CreateTicketInput> DecodeCreateTicket(const Request& request);

// PATCH /tickets/{id}: {subject?, category?, status?, criticality?,
// assignee_id? (null unassigns), group? (null or "" for none), tier?} and the
// If-Match version (kPreconditionFailed when it cannot match).
Result<service::TicketPatch> DecodeTicketPatch(const Request& request);

// GET /tickets query: scope=mine|queue, status=new,open, group=slug, tier=N,
// unassigned=true|false, sort=id|due (due: nearest SLA due first), cursor,
// limit=1..1000.
Result<service::ListTicketsInput> DecodeListTickets(std::string_view query);

// POST /tickets/{id}/messages as JSON {body, internal?} or multipart with
// "body", "internal" and "attachments" file parts.
Result<service::PostMessageInput> DecodePostMessage(const Request& request);

// POST /tickets/{id}/feedback: {rating, comment?, message_id?}.
Result<service::FeedbackInput> DecodeFeedback(const Request& request);

}  // namespace hd::http
