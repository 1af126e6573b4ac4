// JSON mapping of the core types (Boost.JSON value_from via tag_invoke).
// The overloads live in hd::core so that argument-dependent lookup finds
// them, but only http/ includes this header: the domain types themselves
// know no JSON. Times are UTC ISO-8601; optional ids are null when empty.
// Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "core/event.hpp"
#include "core/message.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"

namespace hd::core {

// {id, number, subject, category, status, criticality, level, initiator_id,
//  company_id, assignee_id, group_id, tier, channel, sources_searched, steps,
//  expected, actual, version, created_at, updated_at, level_reason, sla}, plus,
//  for a ticket on a business process, {state, state_label, final, instructions, process:
//  {id, version}} and, for staff reading one ticket, fields {name: value}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Ticket& ticket);
// {id, filename, content_type, size, sha256, url}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Attachment& file);
// {id, ticket_id, author_id, body, internal, channel, created_at, attachments}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Message& message);
// {id, ticket_id, actor_id, at, kind, field, old, new}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Event& event);
// {id, ticket_id, author_id, message_id, rating, comment, created_at}
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Feedback& feedback);
// {id, email, name, role, company_id, created_at, language, time_zone}: the
// caller's own account; language and time_zone as stored ("" = the default)
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const User& user);

}  // namespace hd::core

namespace hd::http::json {

// {slug, label, group_id, hint}, the texts in `language`.
boost::json::value CategoryJson(const core::Category& category, std::string_view language);
// {id, slug, name, tier}, the name in `language`.
boost::json::value GroupJson(const core::Group& group, std::string_view language);

// A user's public card {id, name, role}, as others see them.
boost::json::value UserCard(const core::User& user);

// The address of an attachment's bytes: "/api/v1/attachments/<id>".
std::string AttachmentUrl(core::AttachmentId id);

// Serializes `value` to text.
std::string Serialize(const boost::json::value& value);

// {"items": [...]} for a list of encodable values.
template <class T>
std::string ItemsJson(const std::vector<T>& items) {
  boost::json::object object;
  object["items"] = boost::json::value_from(items);
  return Serialize(object);
}

}  // namespace hd::http::json
